package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.questdb.testing.QuestDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.io.Reader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The launcher's promises: loopback only, telemetry and UDP off, every endpoint answering. */
class QuestDbServerIT {

    @Test
    void theLaunchedServerBindsLoopbackOnlyWithTelemetryAndUdpOff() throws Exception {
        QuestDbServer server = QuestDbFixture.server();
        Assumptions.assumeFalse(server.isExternal(), "the configuration of an external server is not ours");
        Properties conf = new Properties();
        try (Reader reader = Files.newBufferedReader(server.root().resolve(Path.of("conf", "server.conf")))) {
            conf.load(reader);
        }

        assertThat(conf).containsEntry("telemetry.enabled", "false").containsEntry("line.udp.enabled", "false");
        assertThat(conf.stringPropertyNames().stream().filter(key -> key.endsWith("bind.to")))
                .containsExactlyInAnyOrder("http.net.bind.to", "http.min.net.bind.to", "pg.net.bind.to", "line.tcp.net.bind.to")
                .allSatisfy(key -> assertThat(conf.getProperty(key)).startsWith("127.0.0.1:"));
        assertThat(server.isRunning()).isTrue();
        assertThat(server.ilpConfig()).isEqualTo("http::addr=127.0.0.1:" + server.httpPort() + ";");
        try (var connection = QuestDbFixture.connect(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
        }
    }
}
