package io.soltrade.data.questdb;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the QuestDB adapter needs, validated when built (an {@link IllegalArgumentException} naming the
 * setting). {@link #toString()} masks the PG password and any secret in the ILP configuration or URL.
 *
 * @param ilpConfig             ILP client configuration over HTTP(S), e.g. {@code http::addr=127.0.0.1:9000;}.
 *                              Must not set {@code auto_flush*}: the batch writer decides when to flush.
 *                              TCP is refused: it acknowledges nothing, so nothing could be called durable.
 * @param pgUrl                 JDBC URL of QuestDB's PG wire endpoint, e.g. {@code jdbc:postgresql://127.0.0.1:8812/qdb}
 * @param pgUser                PG wire user
 * @param pgPassword            PG wire password (never printed)
 * @param flushInterval         the longest an asynchronously written row waits before it is sent (default 100 ms)
 * @param batchRows             a batch is sent as soon as this many rows wait (default 1,000)
 * @param bufferCapacityRows    rows held, queued or being retried, before callers meet backpressure (default 100,000)
 * @param enqueueTimeout        how long a caller waits for room in a full buffer (default 1 s)
 * @param retryDeadline         how long transient failures of a write are retried, from when it was queued (default 30 s)
 * @param closeDeadline         how long close() waits for outstanding rows (default 10 s)
 * @param readVisibilityTimeout how long a read waits for acknowledged writes to become visible (default 5 s)
 * @param poolSize              PG wire connections (default 4)
 * @param applySchema           apply the versioned migrations ({@code questdb/migrations/}) at start-up (default true)
 */
public record QuestDbSettings(String ilpConfig, String pgUrl, String pgUser, String pgPassword, Duration flushInterval,
                              int batchRows, int bufferCapacityRows, Duration enqueueTimeout, Duration retryDeadline,
                              Duration closeDeadline, Duration readVisibilityTimeout, int poolSize, boolean applySchema) {

    private static final Pattern SECRET_IN_CONFIG = Pattern.compile("(?i)((?:password|token|token_x|token_y)=)[^;]*");
    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password=)[^&]*");

    public QuestDbSettings {
        require(ilpConfig != null && !ilpConfig.isBlank(), "ilpConfig", "is missing");
        String schema = ilpConfig.strip().toLowerCase(Locale.ROOT);
        require(schema.startsWith("http::") || schema.startsWith("https::"), "ilpConfig",
                "must use http:: or https:: (TCP acknowledges nothing, so no write could be reported durable)");
        require(!schema.contains("auto_flush"), "ilpConfig", "must not set auto_flush*: the batch writer flushes");
        require(pgUrl != null && pgUrl.startsWith("jdbc:postgresql://"), "pgUrl", "must be a jdbc:postgresql:// URL");
        require(pgUser != null && !pgUser.isBlank(), "pgUser", "is missing");
        Objects.requireNonNull(pgPassword, "pgPassword is null");
        positive(flushInterval, "flushInterval");
        require(batchRows >= 1, "batchRows", "is " + batchRows + ", must be at least 1");
        require(bufferCapacityRows >= batchRows, "bufferCapacityRows", "is " + bufferCapacityRows + ", must be at least batchRows (" + batchRows + ")");
        nonNegative(enqueueTimeout, "enqueueTimeout");
        positive(retryDeadline, "retryDeadline");
        nonNegative(closeDeadline, "closeDeadline");
        positive(readVisibilityTimeout, "readVisibilityTimeout");
        require(poolSize >= 1 && poolSize <= 64, "poolSize", "is " + poolSize + ", must be between 1 and 64");
    }

    /** The defaults above for a server at {@code ilpConfig} and {@code pgUrl}. */
    public static QuestDbSettings of(String ilpConfig, String pgUrl, String pgUser, String pgPassword) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, Duration.ofMillis(100), 1_000, 100_000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5), 4, true);
    }

    public QuestDbSettings withBatching(Duration flushInterval, int batchRows) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withBuffer(int bufferCapacityRows, Duration enqueueTimeout) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withDeadlines(Duration retryDeadline, Duration closeDeadline) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withApplySchema(boolean applySchema) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, poolSize, applySchema);
    }

    /**
     * The configuration handed to the ILP client: the writer flushes by itself ({@code auto_flush=off}) and
     * retries by itself ({@code retry_timeout=0} unless set), so a failed flush comes back at once.
     */
    String ilpClientConfiguration() {
        String base = ilpConfig.strip();
        StringBuilder config = new StringBuilder(base);
        if (!base.endsWith(";")) {
            config.append(';');
        }
        config.append("auto_flush=off;");
        if (!base.toLowerCase(Locale.ROOT).contains("retry_timeout=")) {
            config.append("retry_timeout=0;");
        }
        return config.toString();
    }

    BatchWriterSettings writerSettings() {
        return new BatchWriterSettings(flushInterval, batchRows, bufferCapacityRows, enqueueTimeout, retryDeadline, closeDeadline);
    }

    @Override
    public String toString() {
        return "QuestDbSettings[ilpConfig=" + SECRET_IN_CONFIG.matcher(ilpConfig).replaceAll("$1<masked>")
                + ", pgUrl=" + SECRET_IN_URL.matcher(pgUrl).replaceAll("$1<masked>")
                + ", pgUser=" + pgUser + ", pgPassword=<masked>, flushInterval=" + flushInterval + ", batchRows=" + batchRows
                + ", bufferCapacityRows=" + bufferCapacityRows + ", enqueueTimeout=" + enqueueTimeout + ", retryDeadline=" + retryDeadline
                + ", closeDeadline=" + closeDeadline + ", readVisibilityTimeout=" + readVisibilityTimeout + ", poolSize=" + poolSize
                + ", applySchema=" + applySchema + "]";
    }

    private static void require(boolean condition, String setting, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("questdb setting " + setting + " " + problem);
        }
    }

    private static void positive(Duration value, String setting) {
        require(value != null && !value.isNegative() && !value.isZero(), setting, "must be a positive duration, is " + value);
    }

    private static void nonNegative(Duration value, String setting) {
        require(value != null && !value.isNegative(), setting, "must be a non-negative duration, is " + value);
    }
}
