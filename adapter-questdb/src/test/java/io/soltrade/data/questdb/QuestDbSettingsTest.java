package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuestDbSettingsTest {
    private static final String ILP = "http::addr=127.0.0.1:9000;";
    private static final String PG = "jdbc:postgresql://127.0.0.1:8812/qdb";

    @Test
    void defaults() {
        QuestDbSettings settings = QuestDbSettings.of(ILP, PG, "admin", "quest");

        assertThat(settings.flushInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.batchRows()).isEqualTo(1_000);
        assertThat(settings.bufferCapacityRows()).isEqualTo(100_000);
        assertThat(settings.enqueueTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retryDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.closeDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readVisibilityTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.applySchema()).isTrue();
    }

    @Test
    void theWriterOwnsFlushingAndRetrying() {
        assertThat(QuestDbSettings.of("http::addr=h:9000", PG, "admin", "quest").ilpClientConfiguration())
                .isEqualTo("http::addr=h:9000;auto_flush=off;retry_timeout=0;request_timeout=10000;");
        assertThat(QuestDbSettings.of("http::addr=h:9000;retry_timeout=500;request_timeout=2000;", PG, "admin", "quest").ilpClientConfiguration())
                .isEqualTo("http::addr=h:9000;retry_timeout=500;request_timeout=2000;auto_flush=off;");
    }

    @Test
    void theWriteTimeLimitIsTheRetryDeadlinePlusOneRequest() {
        QuestDbSettings defaults = QuestDbSettings.of(ILP, PG, "admin", "quest");
        // 30 s of retries, a 10 s request, and 1,000 rows of 1 KiB at the client's 100 KiB/s: 10 s
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.writeTimeLimit()).isEqualTo(Duration.ofSeconds(50));

        QuestDbSettings tight = QuestDbSettings.of(ILP + "request_timeout=2000;request_min_throughput=1048576;", PG, "admin", "quest")
                .withDeadlines(Duration.ofSeconds(3), Duration.ofSeconds(5)).withBatching(Duration.ofMillis(100), 1_024);
        assertThat(tight.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tight.writeTimeLimit()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void refusesTransportsThatAcknowledgeNothingAndForeignFlushSettings() {
        assertThatThrownBy(() -> QuestDbSettings.of("tcp::addr=127.0.0.1:9009;", PG, "admin", "quest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ilpConfig");
        assertThatThrownBy(() -> QuestDbSettings.of(ILP + "auto_flush_rows=5;", PG, "admin", "quest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto_flush");
        assertThatThrownBy(() -> QuestDbSettings.of(ILP, "jdbc:mysql://x", "admin", "quest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pgUrl");
    }

    @Test
    void refusesBadNumbers() {
        QuestDbSettings base = QuestDbSettings.of(ILP, PG, "admin", "quest");
        assertThatThrownBy(() -> base.withBatching(Duration.ZERO, 10)).hasMessageContaining("flushInterval");
        assertThatThrownBy(() -> base.withBatching(Duration.ofMillis(100), 0)).hasMessageContaining("batchRows");
        assertThatThrownBy(() -> base.withBuffer(10, Duration.ofSeconds(1))).hasMessageContaining("bufferCapacityRows");
        assertThatThrownBy(() -> base.withDeadlines(Duration.ofSeconds(-1), Duration.ZERO)).hasMessageContaining("retryDeadline");
        assertThatThrownBy(() -> base.withReadTimeout(Duration.ofMillis(1_500))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> base.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
        assertThat(base.withReadTimeout(Duration.ofSeconds(3)).readTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void toStringMasksEverySecret() {
        QuestDbSettings settings = QuestDbSettings.of("https::addr=h:9000;username=u;password=ilp-secret;token=tok-secret;",
                "jdbc:postgresql://h:8812/qdb?password=url-secret&ssl=true", "admin", "pg-secret");

        assertThat(settings.toString()).doesNotContain("ilp-secret", "tok-secret", "url-secret", "pg-secret").contains("<masked>", "ssl=true", "admin");
    }
}
