package io.soltrade.data.app.bench;

import io.soltrade.data.app.ConfigurationException;
import io.soltrade.data.app.DataLayerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: measures the data layer against the raw clients (Jedis, the QuestDB ILP {@code Sender}, pgjdbc's
 * {@code CopyManager} and a plain HikariCP pool) on the servers of a profile, and writes {@code results.json},
 * {@code report.md} and PNG charts to {@code --out}. A scenario whose server does not answer is reported as
 * skipped. Exit code 0 unless a scenario failed (threw).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the data layer against the raw clients doing the same work, in alternating rounds, "
                + "and writes results.json, report.md and PNG charts to --out.")
public final class BenchCommand implements Callable<Integer> {

    /** Liquibase logs through java.util.logging; held here so the level set on it is not collected with it. */
    private static final java.util.logging.Logger QUIET_JUL_LOGGER = java.util.logging.Logger.getLogger("liquibase");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for results.json, report.md and the charts (created if missing).")
    Path out;

    @Option(names = "--smoke", description = "Seconds, tiny sizes: proves every scenario runs; the figures mean nothing.")
    boolean smoke;

    @Option(names = "--profile", defaultValue = "local", paramLabel = "local|FILE",
            description = "Where the servers are: the data layer's 'local' profile, or a HOCON file over it (soltrade.redis.url, "
                    + "soltrade.postgres.url, soltrade.questdb.ilp, ...); SOLTRADE_* variables override both. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--scenario", arity = "1..*", paramLabel = "NAME",
            description = "Scenarios to run, by name (redis.price-get) or backend (redis); default: all.")
    List<String> scenarios;

    private final Configurations configurations;
    private final PrintStream log;

    public BenchCommand() {
        this(DataLayerConfig::load, System.err);
    }

    /** Runs {@code bench} on its own: {@code java -cp soltrade-data.jar io.soltrade.data.app.bench.BenchCommand --out DIR}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    BenchCommand(Configurations configurations, PrintStream log) {
        this.configurations = configurations;
        this.log = log;
    }

    @Override
    public Integer call() throws IOException {
        List<Scenario> selected;
        try {
            selected = Scenarios.select(Scenarios.all(), scenarios);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        BenchTargets targets = targets();
        Files.createDirectories(out);
        quietLibraryLogging();
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        BenchSizing sizing = smoke ? BenchSizing.smokeRun() : BenchSizing.full();
        log.println("bench: " + selected.size() + " scenario(s), " + (smoke ? "smoke" : "full") + " run " + runId + " against " + targets);
        BenchReport report = new BenchRun(sizing, targets, runId, log).run(selected);
        ResultsJson.write(out, report.results());
        List<String> charts = BenchCharts.write(out, report.results(), report.latencyProfiles());
        MarkdownReport.write(out, report, charts);
        log.println("bench: wrote " + out.resolve(ResultsJson.FILE) + ", " + out.resolve(MarkdownReport.FILE) + " and " + charts.size() + " chart(s)");
        return report.anyFailed() ? 1 : 0;
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

    private BenchTargets targets() {
        Optional<Path> file = Optional.empty();
        if (!"local".equals(profile)) {
            file = Optional.of(Path.of(profile));
            if (!Files.isRegularFile(file.get())) {
                throw new ParameterException(spec.commandLine(), "profile '" + profile + "' is neither 'local' nor a readable file");
            }
        }
        try {
            return BenchTargets.from(configurations.load("local", file));
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
