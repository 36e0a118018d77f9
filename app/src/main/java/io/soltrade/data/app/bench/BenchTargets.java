package io.soltrade.data.app.bench;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The servers a run measures against. The bench writes only under names of its own: a Redis namespace, a
 * PostgreSQL schema (dropped at the end) and, on QuestDB, paper trades of a bench trader in {@code trades} plus a
 * table of its own for the raw side. Passwords are never printed.
 */
record BenchTargets(String redisUrl, String postgresUrl, String postgresUser, String postgresPassword,
                    String questDbIlp, String questDbPgUrl, String questDbPgUser, String questDbPgPassword) {
    static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String DEFAULT_QUESTDB_ILP = "http::addr=127.0.0.1:9000;";
    static final String DEFAULT_QUESTDB_PG_URL = "jdbc:postgresql://127.0.0.1:8812/qdb";
    private static final Pattern ILP_ADDRESS = Pattern.compile("addr=([^;:]+)(?::(\\d+))?");

    BenchTargets {
        Objects.requireNonNull(redisUrl, "redisUrl is null");
        Objects.requireNonNull(postgresUrl, "postgresUrl is null");
        Objects.requireNonNull(postgresUser, "postgresUser is null");
        Objects.requireNonNull(postgresPassword, "postgresPassword is null");
        Objects.requireNonNull(questDbIlp, "questDbIlp is null");
        Objects.requireNonNull(questDbPgUrl, "questDbPgUrl is null");
        Objects.requireNonNull(questDbPgUser, "questDbPgUser is null");
        Objects.requireNonNull(questDbPgPassword, "questDbPgPassword is null");
    }

    /** The servers named by the {@code SOLTRADE_*} variables, else the local defaults. */
    static BenchTargets fromEnvironment(Map<String, String> env) {
        return new BenchTargets(
                env.getOrDefault("SOLTRADE_REDIS_URL", DEFAULT_REDIS_URL),
                env.getOrDefault("SOLTRADE_PG_URL", DEFAULT_POSTGRES_URL),
                env.getOrDefault("SOLTRADE_PG_USER", "postgres"),
                env.getOrDefault("SOLTRADE_PG_PASSWORD", ""),
                env.getOrDefault("SOLTRADE_QUESTDB_ILP", DEFAULT_QUESTDB_ILP),
                env.getOrDefault("SOLTRADE_QUESTDB_PG_URL", DEFAULT_QUESTDB_PG_URL),
                env.getOrDefault("SOLTRADE_QUESTDB_PG_USER", "admin"),
                env.getOrDefault("SOLTRADE_QUESTDB_PG_PASSWORD", "quest"));
    }

    HostPort redisAddress() {
        URI uri = URI.create(redisUrl);
        return new HostPort(Objects.requireNonNullElse(uri.getHost(), "127.0.0.1"), uri.getPort() == -1 ? 6379 : uri.getPort());
    }

    HostPort postgresAddress() {
        return jdbcAddress(postgresUrl, 5432);
    }

    HostPort questDbPgAddress() {
        return jdbcAddress(questDbPgUrl, 8812);
    }

    HostPort questDbIlpAddress() {
        Matcher matcher = ILP_ADDRESS.matcher(questDbIlp);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the QuestDB ILP configuration names no addr=host:port");
        }
        return new HostPort(matcher.group(1), matcher.group(2) == null ? 9000 : Integer.parseInt(matcher.group(2)));
    }

    private static HostPort jdbcAddress(String jdbcUrl, int defaultPort) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new HostPort(Objects.requireNonNullElse(uri.getHost(), "127.0.0.1"), uri.getPort() == -1 ? defaultPort : uri.getPort());
    }

    @Override
    public String toString() {
        return "BenchTargets[redis=" + redisAddress() + ", postgres=" + postgresAddress() + ", questdb ilp=" + questDbIlpAddress()
                + ", questdb pg=" + questDbPgAddress() + "]";
    }

    record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
