package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.soltrade.data.app.config.DataLayerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code bench} command's own part: options and usage errors; the suite itself is tested in module bench. */
class BenchCommandTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @TempDir
    Path out;

    @Test
    void anUnknownScenarioIsAUsageErrorListingTheKnownOnes() {
        int exit = bench(DataLayerConfig::load, "--out", out.toString(), "--smoke", "--scenario", "nosuch");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("no scenario 'nosuch'", "memory-adapter.batch-save");
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aProfileFileIsReadOverTheLocalProfile() throws Exception {
        Path profile = out.resolve("servers.conf");
        Files.writeString(profile, "soltrade.redis.url = \"redis://127.0.0.1:1\"\n");
        List<String> asked = new ArrayList<>();
        BenchCommand.Configurations fromFile = (name, file) -> {
            asked.add(name + " " + file.orElseThrow().getFileName());
            return DataLayerConfig.from(ConfigFactory.parseFile(file.orElseThrow().toFile())
                    .withFallback(ConfigFactory.parseResources("soltrade/profiles/local.conf")));
        };

        int exit = bench(fromFile, "--out", out.resolve("run").toString(), "--smoke", "--config", profile.toString(), "--scenario", "redis.price-get");

        assertThat(exit).isZero();
        assertThat(asked).containsExactly("local servers.conf");
        JsonNode row = new ObjectMapper().readTree(out.resolve("run/results.json").toFile()).get(0);
        assertThat(row.get("note").asText()).startsWith("skipped: Redis does not answer at 127.0.0.1:1");
    }

    @Test
    void benchTakesProfileAndConfigLikeTheOtherCommands() {
        assertThat(bench(DataLayerConfig::load, "--out", out.toString(), "--profile", "staging")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--profile staging: the benchmark runs against servers, so local is the only profile");
        assertThat(bench(DataLayerConfig::load, "--out", out.toString(), "--config", out.resolve("missing.conf").toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("missing.conf: no such file");
    }

    @Test
    void outIsRequired() {
        assertThat(bench(DataLayerConfig::load, "--smoke")).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    private int bench(BenchCommand.Configurations configurations, String... args) {
        PrintStream log = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        CommandLine command = new CommandLine(new BenchCommand(configurations, log));
        command.setErr(new java.io.PrintWriter(log, true));
        return command.execute(args);
    }
}
