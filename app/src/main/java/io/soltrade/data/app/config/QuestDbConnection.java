package io.soltrade.data.app.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach QuestDB ({@code soltrade.questdb}), mirroring the adapter's settings: writes go over ILP/HTTP
 * through a batch writer, configured by a questdb-client configuration string ({@code http::addr=host:9000;},
 * which may carry a token, hence a {@link Secret}); reads go over QuestDB's PostgreSQL wire endpoint, each bounded by
 * {@code readTimeout}.
 */
public record QuestDbConnection(
        Secret ilp,
        String pgUrl,
        String pgUser,
        Secret pgPassword,
        int poolSize,
        boolean applySchema,
        Duration flushInterval,
        int batchRows,
        int bufferCapacityRows,
        Duration enqueueTimeout,
        Duration retryDeadline,
        Duration closeDeadline,
        Duration readVisibilityTimeout,
        Duration readTimeout) {
    private static final Pattern ILP = Pattern.compile("(?is)(http|https)::.*\\baddr=[^;]+;?.*");

    public QuestDbConnection {
        ConfigChecks.present(ilp, "soltrade.questdb.ilp");
        if (!ILP.matcher(ilp.reveal().strip()).matches()) {
            throw new ConfigurationException("soltrade.questdb.ilp", "'" + Secret.mask(ilp.reveal())
                    + "' is not a questdb-client configuration string over HTTP(S) (e.g. http::addr=127.0.0.1:9000;): TCP acknowledges nothing");
        }
        if (ilp.reveal().toLowerCase(java.util.Locale.ROOT).contains("auto_flush")) {
            throw new ConfigurationException("soltrade.questdb.ilp", "must not set auto_flush*: the batch writer decides when to flush");
        }
        ConfigChecks.jdbcPostgresUrl(pgUrl, "soltrade.questdb.pg-url");
        ConfigChecks.nonBlank(pgUser, "soltrade.questdb.pg-user");
        ConfigChecks.present(pgPassword, "soltrade.questdb.pg-password");
        ConfigChecks.between(poolSize, "soltrade.questdb.pool-size", 1, 64);
        ConfigChecks.positive(flushInterval, "soltrade.questdb.flush-interval");
        ConfigChecks.between(batchRows, "soltrade.questdb.batch-rows", 1, 1_000_000);
        ConfigChecks.between(bufferCapacityRows, "soltrade.questdb.buffer-capacity-rows", batchRows, 100_000_000);
        ConfigChecks.nonNegative(enqueueTimeout, "soltrade.questdb.enqueue-timeout");
        ConfigChecks.positive(retryDeadline, "soltrade.questdb.retry-deadline");
        ConfigChecks.nonNegative(closeDeadline, "soltrade.questdb.close-deadline");
        ConfigChecks.positive(readVisibilityTimeout, "soltrade.questdb.read-visibility-timeout");
        ConfigChecks.present(readTimeout, "soltrade.questdb.read-timeout");
        if (readTimeout.compareTo(Duration.ofSeconds(1)) < 0 || readTimeout.compareTo(Duration.ofHours(1)) > 0
                || readTimeout.toNanos() % 1_000_000_000L != 0) {
            // pgjdbc's socketTimeout is whole seconds: 1500ms would silently become 1s
            throw new ConfigurationException("soltrade.questdb.read-timeout", "is " + readTimeout + ", must be whole seconds from 1s to 1h");
        }
    }

    @Override
    public String toString() {
        return "QuestDbConnection[ilp=" + Secret.mask(ilp.reveal()) + ", pgUrl=" + Secret.mask(pgUrl) + ", pgUser=" + pgUser
                + ", pgPassword=" + pgPassword + ", poolSize=" + poolSize + ", applySchema=" + applySchema
                + ", flushInterval=" + flushInterval + ", batchRows=" + batchRows + ", bufferCapacityRows=" + bufferCapacityRows
                + ", enqueueTimeout=" + enqueueTimeout + ", retryDeadline=" + retryDeadline + ", closeDeadline=" + closeDeadline
                + ", readVisibilityTimeout=" + readVisibilityTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
