package io.soltrade.data.domain;

import java.util.regex.Pattern;

/** The client-chosen id of a simulated trade (no transaction exists): 1 to 64 of A-Z a-z 0-9 _ -. */
public record PaperTradeId(String clientId) implements TradeId {
    /** What {@link #naturalKey()} puts before the client id. */
    public static final String PREFIX = "paper:";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public PaperTradeId {
        Checks.matches(clientId, "clientId", FORMAT, "1 to 64 of A-Z a-z 0-9 _ -");
    }

    @Override
    public String naturalKey() {
        return PREFIX + clientId;
    }

    @Override
    public String toString() {
        return naturalKey();
    }
}
