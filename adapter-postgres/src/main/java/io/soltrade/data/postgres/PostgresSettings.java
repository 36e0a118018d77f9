package io.soltrade.data.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the PostgreSQL adapter needs, validated when built so that a bad value fails at start-up naming
 * its key. The password never appears in {@link #toString()}, and the URL may not carry one.
 *
 * @param url            {@code jdbc:postgresql://host:port/database}, without credentials
 * @param user           the database role
 * @param password       the role's password; empty for trust or certificate authentication
 * @param schema         the schema every table lives in (created by the migration when missing)
 * @param maxPoolSize    connections kept open (the pool is fixed-size, as HikariCP recommends)
 * @param connectTimeout how long opening one connection may take (pgjdbc {@code connectTimeout})
 * @param socketTimeout  how long one read from the server may block before the connection is dropped
 *                       (pgjdbc {@code socketTimeout}); bounds a statement on a dead network path
 * @param poolTimeout    how long a caller waits for a free connection before a {@code POOL_EXHAUSTED} error
 * @param sslMode        TLS use, pgjdbc {@code sslmode}
 * @param sslRootCert    the CA certificate that {@code VERIFY_CA}/{@code VERIFY_FULL} check the server against
 * @param migrateOnStart whether building the module applies the Liquibase changelog first
 * @param replication    streaming replicas: where reads that may lag go, what a write waits for
 *                       ({@link PostgresReplication#NONE}: every read on the primary, the server's commit setting)
 */
public record PostgresSettings(
        String url,
        String user,
        String password,
        String schema,
        int maxPoolSize,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration poolTimeout,
        PostgresSslMode sslMode,
        Optional<Path> sslRootCert,
        boolean migrateOnStart,
        PostgresReplication replication) {

    /** The environment variable the password is read from when the settings carry none. */
    public static final String PASSWORD_VARIABLE = "SOLTRADE_PG_PASSWORD";
    public static final String DEFAULT_SCHEMA = "soltrade";
    public static final int DEFAULT_MAX_POOL_SIZE = 20;

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration MIN_POOL_TIMEOUT = Duration.ofMillis(250);

    public PostgresSettings {
        checkUrl(url, "postgres.url");
        Objects.requireNonNull(user, "postgres.user is null");
        if (user.isBlank()) {
            throw new IllegalArgumentException("postgres.user is blank");
        }
        Objects.requireNonNull(password, "postgres.password is null (use an empty password for none)");
        Objects.requireNonNull(schema, "postgres.schema is null");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("postgres.schema must be a lowercase identifier ([a-z_][a-z0-9_]*, at most 63), got '" + schema + "'");
        }
        if (maxPoolSize < 1 || maxPoolSize > 1_000) {
            throw new IllegalArgumentException("postgres.maxPoolSize must be between 1 and 1000, got " + maxPoolSize);
        }
        requirePositive(connectTimeout, "postgres.connectTimeout", Duration.ofSeconds(1));
        requirePositive(socketTimeout, "postgres.socketTimeout", Duration.ofSeconds(1));
        requirePositive(poolTimeout, "postgres.poolTimeout", MIN_POOL_TIMEOUT);
        Objects.requireNonNull(sslMode, "postgres.sslMode is null");
        Objects.requireNonNull(sslRootCert, "postgres.sslRootCert is null");
        Objects.requireNonNull(replication, "postgres.replication is null");
    }

    /** A pgjdbc URL (one host or several) that carries no password. */
    static void checkUrl(String url, String key) {
        Objects.requireNonNull(url, key + " is null");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(key + " must start with jdbc:postgresql://, got '" + url + "'");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException(key + " must not carry a password: set postgres.password or " + PASSWORD_VARIABLE);
        }
    }

    private static void requirePositive(Duration value, String key, Duration minimum) {
        Objects.requireNonNull(value, key + " is null");
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", got " + value);
        }
        if (value.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is too long: " + value);
        }
    }

    /**
     * Settings with the defaults: pool of 20, 10 s connect, 60 s socket, 30 s pool wait, TLS preferred, migrate on start,
     * every read on the primary.
     */
    public static Builder builder(String url, String user) {
        return new Builder(url, user);
    }

    /** The password the pool logs in with: the configured one, else {@value #PASSWORD_VARIABLE} from {@code environment}. */
    String effectivePassword(Map<String, String> environment) {
        if (!password.isEmpty()) {
            return password;
        }
        return Objects.requireNonNullElse(environment.get(PASSWORD_VARIABLE), "");
    }

    public PostgresSettings withSchema(String newSchema) {
        return new PostgresSettings(url, user, password, newSchema, maxPoolSize, connectTimeout, socketTimeout, poolTimeout, sslMode, sslRootCert, migrateOnStart, replication);
    }

    public PostgresSettings withMaxPoolSize(int newMaxPoolSize) {
        return new PostgresSettings(url, user, password, schema, newMaxPoolSize, connectTimeout, socketTimeout, poolTimeout, sslMode, sslRootCert, migrateOnStart, replication);
    }

    public PostgresSettings withReplication(PostgresReplication newReplication) {
        return new PostgresSettings(url, user, password, schema, maxPoolSize, connectTimeout, socketTimeout, poolTimeout, sslMode, sslRootCert, migrateOnStart, newReplication);
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "<none>" : "<redacted>")
                + ", schema=" + schema + ", maxPoolSize=" + maxPoolSize + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", poolTimeout=" + poolTimeout + ", sslMode=" + sslMode
                + ", sslRootCert=" + sslRootCert.map(Path::toString).orElse("<none>") + ", migrateOnStart=" + migrateOnStart
                + ", " + replication + "]";
    }

    /** Builds {@link PostgresSettings} from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private final String url;
        private final String user;
        private String password = "";
        private String schema = DEFAULT_SCHEMA;
        private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration socketTimeout = Duration.ofSeconds(60);
        private Duration poolTimeout = Duration.ofSeconds(30);
        private PostgresSslMode sslMode = PostgresSslMode.PREFER;
        private Path sslRootCert;
        private boolean migrateOnStart = true;
        private String readUrl;
        private int readPoolSize = DEFAULT_MAX_POOL_SIZE;
        private Duration replicaWaitTimeout = PostgresReplication.DEFAULT_REPLICA_WAIT_TIMEOUT;
        private PostgresSynchronousCommit synchronousCommit = PostgresSynchronousCommit.SERVER_DEFAULT;

        private Builder(String url, String user) {
            this.url = url;
            this.user = user;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder schema(String value) {
            this.schema = value;
            return this;
        }

        public Builder maxPoolSize(int value) {
            this.maxPoolSize = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder socketTimeout(Duration value) {
            this.socketTimeout = value;
            return this;
        }

        public Builder poolTimeout(Duration value) {
            this.poolTimeout = value;
            return this;
        }

        public Builder sslMode(PostgresSslMode value) {
            this.sslMode = value;
            return this;
        }

        public Builder sslRootCert(Path value) {
            this.sslRootCert = value;
            return this;
        }

        public Builder migrateOnStart(boolean value) {
            this.migrateOnStart = value;
            return this;
        }

        /** Where reads that may lag go (see {@link PostgresReplication#readUrl()}); null: every read on the primary. */
        public Builder readUrl(String value) {
            this.readUrl = value;
            return this;
        }

        public Builder readPoolSize(int value) {
            this.readPoolSize = value;
            return this;
        }

        public Builder replicaWaitTimeout(Duration value) {
            this.replicaWaitTimeout = value;
            return this;
        }

        public Builder synchronousCommit(PostgresSynchronousCommit value) {
            this.synchronousCommit = value;
            return this;
        }

        public PostgresSettings build() {
            return new PostgresSettings(url, user, password, schema, maxPoolSize, connectTimeout, socketTimeout, poolTimeout,
                    sslMode, Optional.ofNullable(sslRootCert), migrateOnStart,
                    new PostgresReplication(Optional.ofNullable(readUrl), readPoolSize, replicaWaitTimeout, synchronousCommit));
        }
    }
}
