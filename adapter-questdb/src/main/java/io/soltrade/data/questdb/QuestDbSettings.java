package io.soltrade.data.questdb;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the QuestDB adapter needs, validated when built (an {@link IllegalArgumentException} naming the
 * setting). {@link #toString()} masks the PG password and any secret in the ILP configuration or URL.
 *
 * @param ilpConfig             ILP client configuration over HTTP(S), e.g. {@code http::addr=127.0.0.1:9000;}.
 *                              Must not set {@code auto_flush*}: the batch writer decides when to flush. Several
 *                              endpoints ({@code addr=a:9000;addr=b:9000;}): writes go to one at a time and move to
 *                              the next when a request fails ({@link QuestDbEndpoints}); {@code pgUrl} then lists one
 *                              PG wire host per endpoint, in the same order.
 *                              TCP is refused: it acknowledges nothing, so nothing could be called durable.
 * @param pgUrl                 JDBC URL of QuestDB's PG wire endpoint, e.g. {@code jdbc:postgresql://127.0.0.1:8812/qdb}
 * @param pgUser                PG wire user
 * @param pgPassword            PG wire password (never printed)
 * @param flushInterval         the longest an asynchronously written row waits before it is sent (default 100 ms)
 * @param batchRows             a batch is sent as soon as this many rows wait (default 1,000)
 * @param bufferCapacityRows    rows held (queued, being retried, or acknowledged trades remembered until QuestDB applies
 *                              them) before callers meet backpressure (default 100,000)
 * @param enqueueTimeout        how long a caller waits for room in a full buffer (default 1 s)
 * @param retryDeadline         how long transient failures of a write are retried, from when it was queued (default 30 s)
 * @param closeDeadline         how long close() waits for outstanding rows (default 10 s)
 * @param readVisibilityTimeout how long a read waits for acknowledged writes to become visible (default 5 s)
 * @param readTimeout           the longest a PG wire query may wait for the server's reply (pgjdbc {@code socketTimeout},
 *                              whole seconds, default 10 s): a read in flight when QuestDB freezes fails with a
 *                              transient error then instead of hanging. A {@code socketTimeout} in {@code pgUrl} wins.
 * @param poolSize              PG wire connections (default 4)
 * @param applySchema           apply the versioned migrations ({@code questdb/migrations/}) at start-up (default true)
 */
public record QuestDbSettings(String ilpConfig, String pgUrl, String pgUser, String pgPassword, Duration flushInterval,
                              int batchRows, int bufferCapacityRows, Duration enqueueTimeout, Duration retryDeadline,
                              Duration closeDeadline, Duration readVisibilityTimeout, Duration readTimeout, int poolSize, boolean applySchema) {

    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** The ILP request timeout when {@code ilpConfig} sets none (the client's own default is 30 s). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** What {@link #writeTimeLimit()} assumes of a request's rows; every row this adapter writes is smaller. */
    static final int ROW_BYTES_ALLOWANCE = 1_024;
    private static final long CLIENT_MIN_THROUGHPUT = 100 * 1024;
    private static final Pattern REQUEST_TIMEOUT = Pattern.compile("(?:^|;|::)\\s*request_timeout=(\\d+)");
    private static final Pattern MIN_THROUGHPUT = Pattern.compile("(?:^|;|::)\\s*request_min_throughput=(\\d+)");

    private static final Pattern SECRET_IN_CONFIG = Pattern.compile("(?i)((?:password|token|token_x|token_y)=)[^;]*");
    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password=)[^&]*");

    public QuestDbSettings {
        require(ilpConfig != null && !ilpConfig.isBlank(), "ilpConfig", "is missing");
        String schema = ilpConfig.strip().toLowerCase(Locale.ROOT);
        require(schema.startsWith("http::") || schema.startsWith("https::"), "ilpConfig",
                "must use http:: or https:: (TCP acknowledges nothing, so no write could be reported durable)");
        require(!schema.contains("auto_flush"), "ilpConfig", "must not set auto_flush*: the batch writer flushes");
        require(pgUrl != null && pgUrl.startsWith("jdbc:postgresql://"), "pgUrl", "must be a jdbc:postgresql:// URL");
        int ilpEndpoints = QuestDbEndpoints.of(ilpConfig.strip()).size();
        int pgHosts = FollowingPgDataSource.hosts(pgUrl).size();
        require(ilpEndpoints == 1 || pgHosts == ilpEndpoints, "pgUrl", "lists " + pgHosts + " hosts for " + ilpEndpoints
                + " ILP endpoints (addr=): list one PG wire host per endpoint, in the same order, so reads follow the writes");
        require(pgUser != null && !pgUser.isBlank(), "pgUser", "is missing");
        Objects.requireNonNull(pgPassword, "pgPassword is null");
        positive(flushInterval, "flushInterval");
        require(batchRows >= 1, "batchRows", "is " + batchRows + ", must be at least 1");
        require(bufferCapacityRows >= batchRows, "bufferCapacityRows", "is " + bufferCapacityRows + ", must be at least batchRows (" + batchRows + ")");
        nonNegative(enqueueTimeout, "enqueueTimeout");
        positive(retryDeadline, "retryDeadline");
        nonNegative(closeDeadline, "closeDeadline");
        positive(readVisibilityTimeout, "readVisibilityTimeout");
        require(readTimeout != null && readTimeout.compareTo(Duration.ofSeconds(1)) >= 0 && readTimeout.compareTo(Duration.ofHours(1)) <= 0
                && readTimeout.toNanos() % 1_000_000_000L == 0, "readTimeout", "must be whole seconds from 1 s to 1 hour, is " + readTimeout);
        require(poolSize >= 1 && poolSize <= 64, "poolSize", "is " + poolSize + ", must be between 1 and 64");
    }

    /** The defaults above for a server at {@code ilpConfig} and {@code pgUrl}. */
    public static QuestDbSettings of(String ilpConfig, String pgUrl, String pgUser, String pgPassword) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, Duration.ofMillis(100), 1_000, 100_000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5), DEFAULT_READ_TIMEOUT, 4, true);
    }

    public QuestDbSettings withReadTimeout(Duration readTimeout) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, readTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withBatching(Duration flushInterval, int batchRows) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, readTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withBuffer(int bufferCapacityRows, Duration enqueueTimeout) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, readTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withDeadlines(Duration retryDeadline, Duration closeDeadline) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, readTimeout, poolSize, applySchema);
    }

    public QuestDbSettings withApplySchema(boolean applySchema) {
        return new QuestDbSettings(ilpConfig, pgUrl, pgUser, pgPassword, flushInterval, batchRows, bufferCapacityRows,
                enqueueTimeout, retryDeadline, closeDeadline, readVisibilityTimeout, readTimeout, poolSize, applySchema);
    }

    /**
     * The configuration handed to the ILP client: the writer flushes by itself ({@code auto_flush=off}) and
     * retries by itself ({@code retry_timeout=0} unless set), so a failed flush comes back at once; a request
     * waits {@link #DEFAULT_REQUEST_TIMEOUT} for its answer unless {@code request_timeout} is set.
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
        if (!REQUEST_TIMEOUT.matcher(base).find()) {
            config.append("request_timeout=").append(DEFAULT_REQUEST_TIMEOUT.toMillis()).append(';');
        }
        return config.toString();
    }

    /** How long one ILP request may wait for its answer: {@code request_timeout} in {@code ilpConfig}, else the default. */
    public Duration requestTimeout() {
        Matcher set = REQUEST_TIMEOUT.matcher(ilpConfig);
        return set.find() ? Duration.ofMillis(Long.parseLong(set.group(1))) : DEFAULT_REQUEST_TIMEOUT;
    }

    /**
     * The longest a write takes to complete (a synchronous write to return, an async write's future to complete),
     * for a caller that bounds its own wait, such as a host's time limiter, which must never be shorter: the writer
     * retries until {@code retryDeadline} after the write was offered, starts no attempt after it, and the last
     * attempt takes at most one request: {@link #requestTimeout()} plus the time QuestDB's client adds for the
     * request's size ({@code request_min_throughput}, 100 KiB/s by default), here for {@code batchRows} rows of
     * {@value #ROW_BYTES_ALLOWANCE} bytes. A batch larger than {@code batchRows} goes in one request of its own and
     * may take longer by its size over that throughput. A caller whose limit is shorter gets TIMEOUT for rows the
     * writer may still commit; retrying them is safe (they join the outstanding copy).
     */
    public Duration writeTimeLimit() {
        Matcher set = MIN_THROUGHPUT.matcher(ilpConfig);
        long bytesPerSecond = set.find() ? Math.max(1, Long.parseLong(set.group(1))) : CLIENT_MIN_THROUGHPUT;
        long sizeAllowanceMillis = (long) batchRows * ROW_BYTES_ALLOWANCE * 1_000 / bytesPerSecond;
        return retryDeadline.plus(requestTimeout()).plusMillis(sizeAllowanceMillis);
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
                + ", closeDeadline=" + closeDeadline + ", readVisibilityTimeout=" + readVisibilityTimeout + ", readTimeout=" + readTimeout + ", poolSize=" + poolSize
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
