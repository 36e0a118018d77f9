package io.soltrade.data.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The checks the configuration records run in their constructors; each failure names the key. */
final class ConfigChecks {

    private ConfigChecks() {}

    static <T> T present(T value, String key) {
        if (value == null) {
            throw new ConfigurationException(key, "is missing");
        }
        return value;
    }

    static String nonBlank(String value, String key) {
        if (present(value, key).isBlank()) {
            throw new ConfigurationException(key, "is blank");
        }
        return value;
    }

    static String matching(String value, String key, Pattern pattern, String description) {
        if (!pattern.matcher(present(value, key)).matches()) {
            throw new ConfigurationException(key, "'" + Secret.mask(value) + "' is not " + description);
        }
        return value;
    }

    static int between(int value, String key, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigurationException(key, "is " + value + ", must be between " + min + " and " + max);
        }
        return value;
    }

    static double between(double value, String key, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new ConfigurationException(key, "is " + value + ", must be between " + min + " and " + max);
        }
        return value;
    }

    static Duration positive(Duration value, String key) {
        if (present(value, key).isZero() || value.isNegative()) {
            throw new ConfigurationException(key, "is " + DurationText.of(value) + ", must be greater than zero");
        }
        return value;
    }

    static Duration atLeast(Duration value, String key, Duration minimum) {
        if (present(value, key).compareTo(minimum) < 0) {
            throw new ConfigurationException(key, "is " + DurationText.of(value) + ", must be at least " + DurationText.of(minimum));
        }
        return value;
    }

    static Duration nonNegative(Duration value, String key) {
        if (present(value, key).isNegative()) {
            throw new ConfigurationException(key, "is " + DurationText.of(value) + ", must not be negative");
        }
        return value;
    }

    static String oneOf(String value, String key, java.util.List<String> allowed) {
        if (!allowed.contains(present(value, key))) {
            throw new ConfigurationException(key, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A JDBC URL for PostgreSQL's wire protocol (PostgreSQL itself, or QuestDB's PG endpoint). */
    static String jdbcPostgresUrl(String value, String key) {
        nonBlank(value, key);
        if (!value.startsWith("jdbc:postgresql://") || value.length() == "jdbc:postgresql://".length()) {
            throw new ConfigurationException(key, "'" + Secret.mask(value) + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        return value;
    }

    /** A URL with one of {@code schemes} and a host. */
    static URI url(String value, String key, String... schemes) {
        nonBlank(value, key);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(key, "'" + Secret.mask(value) + "' is not a URL: " + Secret.mask(e.getReason()));
        }
        for (String scheme : schemes) {
            if (scheme.equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        }
        throw new ConfigurationException(key, "'" + Secret.mask(value) + "' is not a " + String.join(" or ", schemes) + " URL with a host");
    }
}
