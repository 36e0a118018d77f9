package io.soltrade.data.postgres;

/**
 * How the connection to PostgreSQL uses TLS, as pgjdbc's {@code sslmode} names it. Only {@link #VERIFY_FULL}
 * protects against a man in the middle; {@link #REQUIRE} encrypts without checking who answers.
 */
public enum PostgresSslMode {
    DISABLE("disable"),
    ALLOW("allow"),
    PREFER("prefer"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    private final String driverValue;

    PostgresSslMode(String driverValue) {
        this.driverValue = driverValue;
    }

    /** The value of pgjdbc's {@code sslmode} property. */
    String driverValue() {
        return driverValue;
    }
}
