package io.soltrade.data.cli;

import io.soltrade.data.app.config.ConfigurationException;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.BenchSuite;
import io.soltrade.data.bench.measure.BenchSizing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: runs the benchmark suite (module {@code bench}) on the servers of a profile and writes
 * {@code results.json}, {@code report.md} and PNG charts to {@code --out}. Exit code 0 unless a scenario failed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the data layer against the raw clients.",
            "Both do the same work in alternating rounds; writes results.json, report.md and PNG charts to --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every scenario ran", " 1:a scenario failed", " 2:bad options or configuration"})
final class BenchCommand implements Callable<Integer> {

    /** Liquibase logs through java.util.logging; held here so the level set on it is not collected with it. */
    private static final java.util.logging.Logger QUIET_JUL_LOGGER = java.util.logging.Logger.getLogger("liquibase");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for results.json, report.md and the charts (created if missing).")
    Path out;

    @Option(names = "--smoke", description = "Seconds, tiny sizes: proves every scenario runs; the figures mean nothing.")
    boolean smoke;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Measured rounds per side of a full run (default: 10; 1 to 100). More rounds, steadier ratios, "
                    + "a longer run: 30 takes about three times as long.")
    Integer rounds;

    @Option(names = "--profile", defaultValue = "local", paramLabel = "NAME",
            description = "The profile naming the servers: local (the default, every server on 127.0.0.1).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A HOCON file over the profile (soltrade.redis.url, soltrade.postgres.url, soltrade.questdb.ilp, ...); "
                    + "SOLTRADE_* variables override both.")
    Path file;

    @Option(names = "--scenario", arity = "1..*", paramLabel = "NAME",
            description = "Scenarios to run, by name (redis.price-get) or backend (redis); default: all.")
    List<String> scenarios;

    private final Configurations configurations;
    private final PrintStream log;

    BenchCommand() {
        this(ConfigOptions::load, System.err);
    }

    BenchCommand(Configurations configurations, PrintStream log) {
        this.configurations = configurations;
        this.log = log;
    }

    @Override
    public Integer call() throws IOException {
        BenchSuite suite;
        try {
            suite = BenchSuite.select(scenarios);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        BenchSizing sizing = sizing();
        DataLayerConfig servers = servers();
        quietLibraryLogging();
        return suite.run(servers, out, sizing, log) ? 0 : 1;
    }

    private BenchSizing sizing() {
        if (rounds == null) {
            return smoke ? BenchSizing.smokeRun() : BenchSizing.full();
        }
        if (smoke) {
            throw new ParameterException(spec.commandLine(), "--rounds sizes a full run; a smoke run has its own (leave out one of them)");
        }
        if (rounds < 1 || rounds > 100) {
            throw new ParameterException(spec.commandLine(), "--rounds must be 1 to 100, got " + rounds);
        }
        return BenchSizing.full(rounds);
    }

    /**
     * Drivers and pools log at INFO and DEBUG while the bench opens and closes them, which would tear the progress
     * bar apart; only their warnings and errors are shown during a run.
     */
    private static void quietLibraryLogging() {
        QUIET_JUL_LOGGER.setLevel(java.util.logging.Level.WARNING);
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private DataLayerConfig servers() {
        if (!"local".equals(profile)) {
            throw new ParameterException(spec.commandLine(), "--profile " + profile + ": the benchmark runs against servers, so local is the "
                    + "only profile; name other servers with --config FILE");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "--config " + file + ": no such file");
        }
        try {
            return configurations.load(profile, Optional.ofNullable(file));
        } catch (ConfigurationException e) {
            throw new ParameterException(spec.commandLine(), "configuration error: " + e.getMessage());
        }
    }

    /** How the command reads the data layer's configuration: {@link DataLayerConfig#load} (tests pass their own). */
    @FunctionalInterface
    interface Configurations {
        DataLayerConfig load(String profile, Optional<Path> file);
    }
}
