package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.redis.RedisSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The adapters' settings filled from the configuration: the keys added with the adapters' settings reach them. */
class AdapterModulesTest {
    private static final String ALL_MEMORY = "soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, "
            + "config = memory, prices = memory, pools = memory, streams = memory, feed = memory }\n";

    @Test
    void theDefaultsAreTheAdaptersOwn() {
        DataLayerConfig config = DataLayerConfig.from(ConfigFactory.parseString(ALL_MEMORY));

        QuestDbSettings questdb = AdapterModules.questdb(config.questdb());
        assertThat(questdb.readTimeout()).isEqualTo(QuestDbSettings.DEFAULT_READ_TIMEOUT);
        assertThat(questdb.writeTimeLimit()).isEqualTo(Duration.ofSeconds(50));
        assertThat(AdapterModules.redis(config.redis()).blockingPoolSize()).isEqualTo(RedisSettings.DEFAULT_BLOCKING_POOL_SIZE);
    }

    @Test
    void readTimeoutAndBlockingPoolSizeReachTheAdapters() {
        DataLayerConfig config = DataLayerConfig.from(ConfigFactory.parseString(ALL_MEMORY
                + "soltrade.questdb { read-timeout = 7s, retry-deadline = 12s }\nsoltrade.redis.blocking-pool-size = 9"));

        QuestDbSettings questdb = AdapterModules.questdb(config.questdb());
        assertThat(questdb.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(questdb.writeTimeLimit()).as("the retry deadline, one request, its size allowance").isEqualTo(Duration.ofSeconds(32));
        assertThat(AdapterModules.redis(config.redis()).blockingPoolSize()).isEqualTo(9);
    }
}
