package io.soltrade.data.app.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A password, token or credential-bearing string from configuration. Its {@link #toString()} never shows the
 * value, so a secret logged by accident (or printed inside a record) prints as {@code <redacted>}; code that
 * needs the value asks for it by name with {@link #reveal()}.
 */
public final class Secret {
    private static final String REDACTED = "<redacted>";
    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@]*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|pass|token|secret|token_x|token_y)=)[^;&]*");

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value is null");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * {@code text} with credentials masked: the user-info part of a URL ({@code redis://:pw@host} becomes
     * {@code redis://<redacted>@host}) and {@code password=}, {@code token=}, ... parameters of JDBC URLs and
     * questdb-client configuration strings.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_USER_INFO.matcher(text).replaceAll(REDACTED + "@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + REDACTED);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
