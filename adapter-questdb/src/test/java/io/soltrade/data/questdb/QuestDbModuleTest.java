package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Stage;
import io.soltrade.data.ports.contract.SilentServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting the module when QuestDB cannot be reached (no server needed): the start fails and leaves nothing behind. */
class QuestDbModuleTest {

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    private static Throwable start(QuestDbSettings settings) {
        return catchThrowable(() -> Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
        }, new QuestDbModule(settings)));
    }

    @Test
    void aFailedStartLeavesNoWriterThreadNoPoolAndConnectsOnce() {
        long writersBefore = threadsNamed("questdb-batch-writer");
        long intakesBefore = threadsNamed("questdb-trade-intake");
        try (SilentServer silent = SilentServer.start()) {
            QuestDbSettings settings = QuestDbSettings.of("http::addr=127.0.0.1:1;", "jdbc:postgresql://127.0.0.1:" + silent.port() + "/qdb",
                    "admin", "quest").withReadTimeout(Duration.ofSeconds(1));

            Throwable failure = start(settings);

            assertThat(failure).isInstanceOf(CreationException.class);
            assertThat(threadsNamed("questdb-batch-writer")).as("writer threads").isEqualTo(writersBefore);
            assertThat(threadsNamed("questdb-trade-intake")).as("trade intake threads").isEqualTo(intakesBefore);
            assertThat(threadsNamed("questdb-pg")).as("PG wire pool threads").isZero();
            assertThat(silent.accepted()).as("connections tried: the failed pool is not built again per binding").isEqualTo(1);
        }
    }
}
