package io.soltrade.data.app;

import com.google.inject.Module;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.ConfigurationException;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.PostgresConnection;
import io.soltrade.data.app.config.QuestDbConnection;
import io.soltrade.data.app.config.RedisConnection;
import io.soltrade.data.app.config.Secret;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.PostgresSslMode;
import io.soltrade.data.postgres.PostgresSynchronousCommit;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.RedisSettings;
import io.soltrade.data.redis.StreamTrimming;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The adapters' own Guice modules, each built from its settings record, which this class fills from the
 * {@link DataLayerConfig}. The configuration was validated key by key already; should an adapter's settings
 * still refuse a value, the error names the backend's section ({@code soltrade.postgres}, ...).
 */
final class AdapterModules implements BackendModules {
    private final DataLayerConfig config;

    AdapterModules(DataLayerConfig config) {
        this.config = config;
    }

    @Override
    public Module moduleFor(Backend backend) {
        return switch (backend) {
            case MEMORY -> new MemoryModule();
            case POSTGRES -> new PostgresModule(settings(backend, () -> postgres(config.postgres())));
            case QUESTDB -> new QuestDbModule(settings(backend, () -> questdb(config.questdb())));
            case REDIS -> new RedisModule(settings(backend, () -> redis(config.redis())));
        };
    }

    static PostgresSettings postgres(PostgresConnection c) {
        return PostgresSettings.builder(c.url(), c.user())
                .password(c.password().reveal())
                .schema(c.schema())
                .maxPoolSize(c.poolSize())
                .connectTimeout(c.connectTimeout())
                .socketTimeout(c.socketTimeout())
                .poolTimeout(c.poolTimeout())
                .sslMode(PostgresSslMode.valueOf(c.sslMode().toUpperCase(Locale.ROOT).replace('-', '_')))
                .sslRootCert(c.sslRootCert().orElse(null))
                .migrateOnStart(c.migrateOnStart())
                .readUrl(c.replicas().readUrl().orElse(null))
                .readPoolSize(c.replicas().readPoolSize())
                .replicaWaitTimeout(c.replicas().replicaWaitTimeout())
                .synchronousCommit(PostgresSynchronousCommit.valueOf(c.replicas().synchronousCommit().toUpperCase(Locale.ROOT).replace('-', '_')))
                .build();
    }

    static QuestDbSettings questdb(QuestDbConnection c) {
        return new QuestDbSettings(c.ilp().reveal(), c.pgUrl(), c.pgUser(), c.pgPassword().reveal(), c.flushInterval(), c.batchRows(),
                c.bufferCapacityRows(), c.enqueueTimeout(), c.retryDeadline(), c.closeDeadline(), c.readVisibilityTimeout(),
                c.readTimeout(), c.poolSize(), c.applySchema());
    }

    static RedisSettings redis(RedisConnection c) {
        return RedisSettings.builder()
                .url(c.url())
                .user(c.user().orElse(null))
                .password(c.password().isEmpty() ? null : c.password().reveal())
                .namespace(c.namespace())
                .cacheTtl(c.cacheTtl())
                .streamMaxLength(c.streamMaxLength())
                .trimming(StreamTrimming.valueOf(c.trimming().toUpperCase(Locale.ROOT)))
                .maxDeliveries(c.maxDeliveries())
                .poolSize(c.poolSize())
                .blockingPoolSize(c.blockingPoolSize())
                .connectTimeout(c.connectTimeout())
                .socketTimeout(c.socketTimeout())
                .feedRateHz(c.feedRateHz())
                .clusterNodes(c.clusterNodes())
                .build();
    }

    private static <T> T settings(Backend backend, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException("soltrade." + backend.key(), Secret.mask(e.getMessage()), e);
        }
    }
}
