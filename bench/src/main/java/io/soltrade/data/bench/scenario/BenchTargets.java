package io.soltrade.data.bench.scenario;

import io.soltrade.data.app.config.DataLayerConfig;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The servers a run measures against, read from the data layer's own configuration (profile {@code local}, a
 * file over it, {@code SOLTRADE_*} variables over both), whatever adapter each port is set to use. The bench
 * writes only under names of its own: a Redis namespace, a PostgreSQL schema (dropped at the end) and, on QuestDB,
 * paper trades of a bench trader in {@code trades} plus a table of its own for the raw side. Passwords are never
 * printed.
 */
public record BenchTargets(String redisUrl, Optional<String> redisUser, Optional<String> redisPassword,
                    String postgresUrl, String postgresUser, String postgresPassword,
                    String questDbIlp, String questDbPgUrl, String questDbPgUser, String questDbPgPassword) {
    private static final Pattern ILP_ADDRESS = Pattern.compile("addr=([^;:]+)(?::(\\d+))?");

    public BenchTargets {
        Objects.requireNonNull(redisUrl, "redisUrl is null");
        Objects.requireNonNull(redisUser, "redisUser is null");
        Objects.requireNonNull(redisPassword, "redisPassword is null");
        Objects.requireNonNull(postgresUrl, "postgresUrl is null");
        Objects.requireNonNull(postgresUser, "postgresUser is null");
        Objects.requireNonNull(postgresPassword, "postgresPassword is null");
        Objects.requireNonNull(questDbIlp, "questDbIlp is null");
        Objects.requireNonNull(questDbPgUrl, "questDbPgUrl is null");
        Objects.requireNonNull(questDbPgUser, "questDbPgUser is null");
        Objects.requireNonNull(questDbPgPassword, "questDbPgPassword is null");
    }

    public static BenchTargets from(DataLayerConfig config) {
        String redisPassword = config.redis().password().reveal();
        return new BenchTargets(config.redis().url(), config.redis().user().filter(user -> !user.isEmpty()),
                redisPassword.isEmpty() ? Optional.empty() : Optional.of(redisPassword),
                config.postgres().url(), config.postgres().user(), config.postgres().password().reveal(),
                config.questdb().ilp().reveal(), config.questdb().pgUrl(), config.questdb().pgUser(), config.questdb().pgPassword().reveal());
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
