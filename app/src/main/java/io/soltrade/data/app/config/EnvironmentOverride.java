package io.soltrade.data.app.config;

/**
 * The environment variables that override a configuration key: every connection setting and every secret,
 * so that a deployment needs no file with a password in it.
 */
enum EnvironmentOverride {
    SOLTRADE_PG_URL("soltrade.postgres.url"),
    SOLTRADE_PG_USER("soltrade.postgres.user"),
    SOLTRADE_PG_PASSWORD("soltrade.postgres.password"),
    SOLTRADE_PG_SCHEMA("soltrade.postgres.schema"),
    SOLTRADE_PG_READ_URL("soltrade.postgres.read-url"),
    SOLTRADE_QUESTDB_ILP("soltrade.questdb.ilp"),
    SOLTRADE_QUESTDB_PG_URL("soltrade.questdb.pg-url"),
    SOLTRADE_QUESTDB_PG_USER("soltrade.questdb.pg-user"),
    SOLTRADE_QUESTDB_PG_PASSWORD("soltrade.questdb.pg-password"),
    SOLTRADE_REDIS_URL("soltrade.redis.url"),
    SOLTRADE_REDIS_USER("soltrade.redis.user"),
    SOLTRADE_REDIS_PASSWORD("soltrade.redis.password"),
    SOLTRADE_REDIS_NAMESPACE("soltrade.redis.namespace"),
    SOLTRADE_REDIS_CLUSTER_NODES("soltrade.redis.cluster-nodes");

    private final String path;

    EnvironmentOverride(String path) {
        this.path = path;
    }

    /** The configuration key this variable sets. */
    String path() {
        return path;
    }
}
