package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code SOLTRADE_*} variables as an operator sets them, for the runnable jar in a child JVM (a test cannot
 * change its own environment): a typo is a configuration error naming the variable it meant, the adapter variables choose the
 * adapters, and the command line's own {@code SOLTRADE_LOG_LEVEL} is not mistaken for an unknown one.
 */
class EnvironmentVariablesIT {

    @Test
    void aMistypedVariableIsAConfigurationErrorNamingTheClosestKnownOne() throws Exception {
        Run run = run(Map.of("SOLTRADE_PG_PASWORD", "hunter2"), "health");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("configuration error: SOLTRADE_PG_PASWORD: unknown environment variable",
                "did you mean SOLTRADE_PG_PASSWORD?").doesNotContain("hunter2");
    }

    @Test
    void theAdapterVariablesChooseEachPortsAdapterAndTheLogLevelVariableIsTheCommandLines() throws Exception {
        Run run = run(Map.of("SOLTRADE_ADAPTERS", "memory", "SOLTRADE_ADAPTERS_TRADES", "memory", "SOLTRADE_LOG_LEVEL", "INFO"),
                "health", "--profile", "local");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("memory ").contains(" UP ").doesNotContain("postgres", "questdb", "redis");
        assertThat(run.err()).contains("starting data layer: trades=memory, positions=memory", "; memory in this process");
    }

    private static Run run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path jar = Path.of("target", "soltrade-data.jar");
        assertThat(jar).as("the runnable jar, built in the package phase before the integration tests").exists();
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SOLTRADE_"));
        builder.environment().putAll(environment);
        Process child = builder.start();
        byte[] out = child.getInputStream().readAllBytes();
        byte[] err = child.getErrorStream().readAllBytes();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(child.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}
}
