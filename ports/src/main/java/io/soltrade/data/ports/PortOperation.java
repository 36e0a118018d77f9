package io.soltrade.data.ports;

import static io.soltrade.data.ports.Idempotency.IDEMPOTENT;
import static io.soltrade.data.ports.Idempotency.NOT_IDEMPOTENT;

import java.util.HashMap;
import java.util.Map;

/**
 * Every operation of every port interface, with its {@link Idempotency}: the one place that says what may be
 * repeated after a transient failure. The adapters' own retries (a Redis call retried once on a fresh connection)
 * and the host's retry decorators both read it, so they cannot disagree; a test checks by reflection that every
 * method of every interface in this package has exactly one entry here and every entry names a real method.
 *
 * <p>Why each non-idempotent operation is one: a stream append creates a new entry each time; a group read and a
 * claim mark entries delivered to a consumer (and count the delivery), so a repeat after a lost reply strands what
 * the first call handed out until it is reclaimed; an optimistic-lock save repeated after a lost reply meets its
 * own write as a version conflict; a rule trigger or cancel is exactly once, so a repeat answers "already closed";
 * a node-health record appends to the history; a unit of work re-runs the caller's work; a second subscription
 * delivers every message twice.
 *
 * <p>{@link #isLocal()} marks operations that answer from the adapter's own state (a setting, counters) without
 * talking to the backend: nothing to retry, time-limit or count against a circuit breaker.
 */
public enum PortOperation {
    TRADE_STORE_SAVE(TradeStore.class, "save", IDEMPOTENT),
    TRADE_STORE_SAVE_ASYNC(TradeStore.class, "saveAsync", IDEMPOTENT),
    TRADE_STORE_BATCH_SAVE(TradeStore.class, "batchSave", IDEMPOTENT),
    TRADE_STORE_FIND_BY_ID(TradeStore.class, "findById", IDEMPOTENT),
    TRADE_STORE_FIND_BY_TOKEN(TradeStore.class, "findByToken", IDEMPOTENT),
    TRADE_STORE_FIND_BETWEEN(TradeStore.class, "findBetween", IDEMPOTENT),
    TRADE_STORE_FIND_BY_TRADER(TradeStore.class, "findByTrader", IDEMPOTENT),
    TRADE_STORE_CANDLES(TradeStore.class, "candles", IDEMPOTENT),
    /** Forward-only: a repeat after a lost reply changes nothing and returns the trade as stored. */
    TRADE_STORE_UPDATE_COMMITMENT(TradeStore.class, "updateCommitment", IDEMPOTENT),

    POSITION_STORE_SAVE(PositionStore.class, "save", IDEMPOTENT),
    POSITION_STORE_SAVE_ASYNC(PositionStore.class, "saveAsync", IDEMPOTENT),
    POSITION_STORE_BATCH_SAVE(PositionStore.class, "batchSave", IDEMPOTENT),
    POSITION_STORE_LATEST(PositionStore.class, "latest", IDEMPOTENT),
    POSITION_STORE_LATEST_FOR_TRADER(PositionStore.class, "latestForTrader", IDEMPOTENT),
    POSITION_STORE_HISTORY(PositionStore.class, "history", IDEMPOTENT),
    POSITION_STORE_CURRENT(PositionStore.class, "current", IDEMPOTENT),
    POSITION_STORE_HISTORY_OF(PositionStore.class, "historyOf", IDEMPOTENT),
    POSITION_STORE_REALIZED_PNL(PositionStore.class, "realizedPnl", IDEMPOTENT),

    METRICS_STORE_RECORD(MetricsStore.class, "record", IDEMPOTENT),
    METRICS_STORE_RECORD_ASYNC(MetricsStore.class, "recordAsync", IDEMPOTENT),
    METRICS_STORE_RECORD_BATCH(MetricsStore.class, "recordBatch", IDEMPOTENT),
    METRICS_STORE_FIND(MetricsStore.class, "find", IDEMPOTENT),
    METRICS_STORE_DOWNSAMPLE(MetricsStore.class, "downsample", IDEMPOTENT),

    MEV_EVENT_STORE_SAVE(MevEventStore.class, "save", IDEMPOTENT),
    MEV_EVENT_STORE_SAVE_ASYNC(MevEventStore.class, "saveAsync", IDEMPOTENT),
    MEV_EVENT_STORE_BATCH_SAVE(MevEventStore.class, "batchSave", IDEMPOTENT),
    MEV_EVENT_STORE_FIND_BY_OUTCOME(MevEventStore.class, "findByOutcome", IDEMPOTENT),
    MEV_EVENT_STORE_FIND_BETWEEN(MevEventStore.class, "findBetween", IDEMPOTENT),
    MEV_EVENT_STORE_FIND_BY_TRADER(MevEventStore.class, "findByTrader", IDEMPOTENT),
    MEV_EVENT_STORE_FIND_BY_TRADE(MevEventStore.class, "findByTrade", IDEMPOTENT),

    CONFIG_STORE_IN_TRANSACTION(ConfigStore.class, "inTransaction", NOT_IDEMPOTENT),
    CONFIG_UPSERT_TOKEN(ConfigOperations.class, "upsertToken", IDEMPOTENT),
    CONFIG_FIND_TOKEN(ConfigOperations.class, "findToken", IDEMPOTENT),
    CONFIG_FIND_TOKENS_WITH_EXTENSION(ConfigOperations.class, "findTokensWithExtension", IDEMPOTENT),
    CONFIG_FIND_TOKENS_BY_SYMBOL(ConfigOperations.class, "findTokensBySymbol", IDEMPOTENT),
    CONFIG_SAVE_TRADER_CONFIG(ConfigOperations.class, "saveTraderConfig", NOT_IDEMPOTENT),
    CONFIG_FIND_TRADER_CONFIG(ConfigOperations.class, "findTraderConfig", IDEMPOTENT),
    CONFIG_SAVE_ORDER_RULE(ConfigOperations.class, "saveOrderRule", IDEMPOTENT),
    CONFIG_FIND_ORDER_RULE(ConfigOperations.class, "findOrderRule", IDEMPOTENT),
    CONFIG_ACTIVE_RULES(ConfigOperations.class, "activeRules", IDEMPOTENT),
    CONFIG_RULES_OF(ConfigOperations.class, "rulesOf", IDEMPOTENT),
    CONFIG_TRIGGER(ConfigOperations.class, "trigger", NOT_IDEMPOTENT),
    CONFIG_CANCEL(ConfigOperations.class, "cancel", NOT_IDEMPOTENT),
    CONFIG_RECORD_NODE_HEALTH(ConfigOperations.class, "recordNodeHealth", NOT_IDEMPOTENT),
    CONFIG_FIND_NODE_HEALTH(ConfigOperations.class, "findNodeHealth", IDEMPOTENT),
    CONFIG_ALL_NODE_HEALTH(ConfigOperations.class, "allNodeHealth", IDEMPOTENT),
    CONFIG_NODE_HEALTH_HISTORY(ConfigOperations.class, "nodeHealthHistory", IDEMPOTENT),
    CONFIG_AUDIT_TRAIL(ConfigOperations.class, "auditTrail", IDEMPOTENT),

    PRICE_CACHE_PUT(PriceCache.class, "put", IDEMPOTENT),
    PRICE_CACHE_PUT_ALL(PriceCache.class, "putAll", IDEMPOTENT),
    PRICE_CACHE_GET(PriceCache.class, "get", IDEMPOTENT),
    PRICE_CACHE_GET_ALL(PriceCache.class, "getAll", IDEMPOTENT),
    PRICE_CACHE_TTL(PriceCache.class, "ttl", IDEMPOTENT, true),
    PRICE_CACHE_STATS(PriceCache.class, "stats", IDEMPOTENT, true),

    POOL_STATE_CACHE_PUT(PoolStateCache.class, "put", IDEMPOTENT),
    POOL_STATE_CACHE_PUT_ALL(PoolStateCache.class, "putAll", IDEMPOTENT),
    POOL_STATE_CACHE_GET(PoolStateCache.class, "get", IDEMPOTENT),
    POOL_STATE_CACHE_GET_ALL(PoolStateCache.class, "getAll", IDEMPOTENT),
    POOL_STATE_CACHE_TTL(PoolStateCache.class, "ttl", IDEMPOTENT, true),
    POOL_STATE_CACHE_STATS(PoolStateCache.class, "stats", IDEMPOTENT, true),

    EVENT_STREAM_PUBLISH(EventStream.class, "publish", NOT_IDEMPOTENT),
    EVENT_STREAM_PUBLISH_ALL(EventStream.class, "publishAll", NOT_IDEMPOTENT),
    EVENT_STREAM_LENGTH(EventStream.class, "length", IDEMPOTENT),
    EVENT_STREAM_MAX_LENGTH(EventStream.class, "maxLength", IDEMPOTENT, true),
    EVENT_STREAM_READ(EventStream.class, "read", IDEMPOTENT),
    EVENT_STREAM_ENSURE_GROUP(EventStream.class, "ensureGroup", IDEMPOTENT),
    EVENT_STREAM_READ_GROUP(EventStream.class, "readGroup", NOT_IDEMPOTENT),
    EVENT_STREAM_ACK(EventStream.class, "ack", IDEMPOTENT),
    EVENT_STREAM_CLAIM_STALE(EventStream.class, "claimStale", NOT_IDEMPOTENT),
    EVENT_STREAM_PENDING(EventStream.class, "pending", IDEMPOTENT),
    EVENT_STREAM_DEAD_LETTERS(EventStream.class, "deadLetters", IDEMPOTENT),

    LIVE_FEED_PUBLISH(LiveFeed.class, "publish", IDEMPOTENT),
    LIVE_FEED_SUBSCRIBE(LiveFeed.class, "subscribe", NOT_IDEMPOTENT),
    LIVE_FEED_MAX_RATE_HZ(LiveFeed.class, "maxRateHz", IDEMPOTENT, true),
    FEED_SUBSCRIPTION_DELIVERED(FeedSubscription.class, "delivered", IDEMPOTENT, true),
    FEED_SUBSCRIPTION_CLOSE(FeedSubscription.class, "close", IDEMPOTENT),

    HEALTH_CHECK_BACKEND(HealthCheck.class, "backend", IDEMPOTENT, true),
    HEALTH_CHECK_CHECK(HealthCheck.class, "check", IDEMPOTENT),
    MANAGED_RESOURCE_NAME(ManagedResource.class, "name", IDEMPOTENT, true),
    MANAGED_RESOURCE_CLOSE(ManagedResource.class, "close", IDEMPOTENT);

    private static final Map<Class<?>, Map<String, PortOperation>> BY_PORT = new HashMap<>();

    static {
        for (PortOperation operation : values()) {
            BY_PORT.computeIfAbsent(operation.port, port -> new HashMap<>()).put(operation.method, operation);
        }
    }

    private final Class<?> port;
    private final String method;
    private final Idempotency idempotency;
    private final boolean local;

    PortOperation(Class<?> port, String method, Idempotency idempotency) {
        this(port, method, idempotency, false);
    }

    PortOperation(Class<?> port, String method, Idempotency idempotency, boolean local) {
        this.port = port;
        this.method = method;
        this.idempotency = idempotency;
        this.local = local;
    }

    /**
     * The operation {@code method} of {@code port}, the interface that declares it (the operations of
     * {@link ConfigStore} other than {@code inTransaction} are declared by {@link ConfigOperations}).
     *
     * @throws IllegalArgumentException when the table has no such operation
     */
    public static PortOperation of(Class<?> port, String method) {
        PortOperation operation = BY_PORT.getOrDefault(port, Map.of()).get(method);
        if (operation == null) {
            throw new IllegalArgumentException("no port operation " + (port == null ? null : port.getSimpleName()) + "." + method);
        }
        return operation;
    }

    /** The port interface that declares the operation. */
    public Class<?> port() {
        return port;
    }

    /** The method's name; no port interface overloads a name. */
    public String method() {
        return method;
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    /** Whether a call that failed with {@code failure} may be tried again: {@link Idempotency#allowsRetryAfter}. */
    public boolean allowsRetryAfter(Throwable failure) {
        return idempotency.allowsRetryAfter(failure);
    }

    /** Answers from the adapter's own state without I/O: never retried, time-limited or counted by a breaker. */
    public boolean isLocal() {
        return local;
    }

    @Override
    public String toString() {
        return port.getSimpleName() + "." + method + " (" + idempotency + (local ? ", local" : "") + ")";
    }
}
