package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void defaults() {
        RedisSettings settings = RedisSettings.builder().build();

        assertThat(settings.url()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(settings.user()).isEmpty();
        assertThat(settings.password()).isEmpty();
        assertThat(settings.namespace()).isEqualTo("soltrade");
        assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.streamMaxLength()).isEqualTo(10_000);
        assertThat(settings.trimming()).isEqualTo(StreamTrimming.EXACT);
        assertThat(settings.maxDeliveries()).isEqualTo(5);
        assertThat(settings.poolSize()).isEqualTo(16);
        assertThat(settings.blockingPoolSize()).isEqualTo(4);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.idleCheckInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.feedRateHz()).isEqualTo(10.0);
    }

    @Test
    void everyKeyCanBeSetAndSurvivesToBuilder() {
        RedisSettings settings = RedisSettings.builder().url("rediss://cache.internal:6380/3").user("app").password("s3cret").namespace("prod-eu")
                .cacheTtl(Duration.ofMillis(1_500)).streamMaxLength(50_000).trimming(StreamTrimming.APPROXIMATE).maxDeliveries(3).poolSize(64).blockingPoolSize(2)
                .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(1)).idleCheckInterval(Duration.ofSeconds(30)).feedRateHz(5).build();

        assertThat(settings.endpoint()).isEqualTo(new RedisSettings.RedisEndpoint("cache.internal", 6380, 3, true));
        assertThat(settings.user()).contains("app");
        assertThat(settings.password()).contains("s3cret");
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(new RedisSettings(settings.url(), List.of(), Optional.of("app"), Optional.of("s3cret"), "prod-eu", Duration.ofMillis(1_500), 50_000,
                StreamTrimming.APPROXIMATE, 3, 64, 2, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30), 5)).isEqualTo(settings);
    }

    @Test
    void clusterNodesAreParsedFromTheirConfigurationText() {
        RedisSettings settings = RedisSettings.builder().clusterNodes(" 127.0.0.1:7000, 127.0.0.1:7001,redis-3.internal:7002 ").build();

        assertThat(settings.clustered()).isTrue();
        assertThat(settings.clusterNodes()).containsExactly(new RedisSettings.ClusterNode("127.0.0.1", 7000),
                new RedisSettings.ClusterNode("127.0.0.1", 7001), new RedisSettings.ClusterNode("redis-3.internal", 7002));
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.toString()).contains("clusterNodes=[127.0.0.1:7000, 127.0.0.1:7001, redis-3.internal:7002]");
        assertThat(RedisSettings.builder().clusterNodes("  ").build().clustered()).isFalse();
    }

    @Test
    void toStringMasksThePassword() {
        RedisSettings settings = RedisSettings.builder().password("hunter2-secret").build();

        assertThat(settings.toString()).doesNotContain("hunter2").contains("password=<masked>");
        assertThat(RedisSettings.builder().build().toString()).contains("password=<none>");
    }

    @Test
    void badValuesFailNamingTheirKey() {
        assertRejected(RedisSettings.builder().url("http://localhost:6379"), "url");
        assertRejected(RedisSettings.builder().url("redis://:pw@localhost:6379"), "url");
        assertRejected(RedisSettings.builder().url("redis://localhost:6379/16"), "url");
        assertRejected(RedisSettings.builder().url("redis://localhost:6379/x"), "url");
        assertRejected(RedisSettings.builder().namespace("a:b"), "namespace");
        assertRejected(RedisSettings.builder().namespace("{tag}"), "namespace");
        assertRejected(RedisSettings.builder().namespace("a*"), "namespace");
        assertRejected(RedisSettings.builder().cacheTtl(Duration.ofMillis(999)), "cacheTtl");
        assertRejected(RedisSettings.builder().cacheTtl(Duration.ofMillis(2_001)), "cacheTtl");
        assertRejected(RedisSettings.builder().streamMaxLength(0), "streamMaxLength");
        assertRejected(RedisSettings.builder().maxDeliveries(0), "maxDeliveries");
        assertRejected(RedisSettings.builder().poolSize(0), "poolSize");
        assertRejected(RedisSettings.builder().blockingPoolSize(0), "blockingPoolSize");
        assertRejected(RedisSettings.builder().connectTimeout(Duration.ZERO), "connectTimeout");
        assertRejected(RedisSettings.builder().socketTimeout(null), "socketTimeout");
        assertRejected(RedisSettings.builder().idleCheckInterval(Duration.ofMillis(10)), "idleCheckInterval");
        assertRejected(RedisSettings.builder().feedRateHz(0), "feedRateHz");
        assertRejected(RedisSettings.builder().password(""), "password");
        assertRejected(RedisSettings.builder().clusterNodes("127.0.0.1"), "clusterNodes");
        assertRejected(RedisSettings.builder().clusterNodes("127.0.0.1:7000,"), "clusterNodes");
        assertRejected(RedisSettings.builder().clusterNodes("127.0.0.1:70000"), "clusterNodes");
        assertRejected(RedisSettings.builder().clusterNodes("127.0.0.1:x"), "clusterNodes");
        assertRejected(RedisSettings.builder().clusterNodes("127.0.0.1:7000").url("redis://127.0.0.1:6379/2"), "url");
    }

    private static void assertRejected(RedisSettings.Builder builder, String key) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("redis setting " + key + " ");
    }
}
