package io.soltrade.data.domain;

import java.util.regex.Pattern;

/** Who made a configuration change, as the audit log records it: a user, a service or an operator. */
public record Actor(String name) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.@:-]{1,128}");

    public Actor {
        Checks.matches(name, "actor", FORMAT, "1 to 128 of A-Z a-z 0-9 _ . @ : -");
    }

    public static Actor of(String name) {
        return new Actor(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
