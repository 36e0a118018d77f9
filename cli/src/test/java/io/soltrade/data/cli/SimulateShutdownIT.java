package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a session: the JVM exits, and the summary it wrote on the way out is whole and
 * consistent (every acknowledged trade has its position state and its trade event; the streams hold exactly the
 * acknowledged events). Runs {@code simulate} in a child JVM on the memory profile, so no server is needed.
 */
class SimulateShutdownIT {

    @TempDir
    Path dir;

    @Test
    void sigtermEndsTheSessionWithAnExactSummary() throws Exception {
        Path json = dir.resolve("summary.json");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.soltrade.data.cli.Main", "simulate", "--duration", "5m", "--summary-json", json.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        AtomicBoolean trading = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.startsWith("[") && line.matches(".*\\| acked [1-9].*")) {
                        trading.set(true);
                    }
                }
            } catch (java.io.IOException e) {
                // the child ended
            }
        }, "child-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(2)).untilTrue(trading);

            child.destroy();

            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(143);
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("Paper-trading session", "written to");
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        JsonNode acknowledged = summary.get("acknowledged");
        JsonNode streams = summary.get("streams");
        assertThat(acknowledged.get("trades").asLong()).isPositive()
                .isEqualTo(acknowledged.get("positions").asLong())
                .isEqualTo(streams.get("stream:trade-events").asLong());
        long entries = 0;
        for (JsonNode length : streams) {
            entries += length.asLong();
        }
        assertThat(entries).isEqualTo(acknowledged.get("stream_events").asLong());
        assertThat(summary.get("errors").size()).isZero();
    }
}
