package io.soltrade.data.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.cli.http.DataLayerHttpServer;
import io.soltrade.data.cli.simulator.PaperTradingSession;
import io.soltrade.data.cli.simulator.SessionSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: a bounded paper-trading session through every port. Ctrl-C or SIGTERM ends it early: the
 * shutdown hook asks the session to stop and waits while it finishes its step, waits for outstanding async
 * writes, prints and writes the summary, and closes the data layer (flushing batch writers before pools).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Runs a paper-trading session through every port.",
            // one element per paragraph: picocli wraps each to the help's width (an element per line made ragged text)
            "Prices, pool states, trades that update positions and P&L, MEV assessments, metrics, stream events, live-feed "
                + "messages, and configuration (tokens, trader settings, order rules that prices trigger, RPC node health).",
            "Prints a live progress line on stderr and a summary at the end.",
            "Ends after --duration (default 30s) or --trades N, or on Ctrl-C / SIGTERM, with the summary still exact.",
            "A seed replays the market (every price tick) and each desk's choices; ids (session, traders, trades) are new in "
                + "every run, and how many trades fit in a --duration depends on the machine's timing.",
            "With --serve PORT the session is live in the browser at http://127.0.0.1:PORT/ (and runs until Ctrl-C unless "
                + "--duration or --trades is given)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every port call succeeded",
            " 1:some port calls failed (the summary counts them by kind, with the first message of each), or a backend cannot start",
            " 2:bad options or configuration, or --summary-json is not a writable file (checked before any backend starts)",
            "130:interrupted by Ctrl-C, 143: by SIGTERM; the summary is still printed and written"})
final class SimulateCommand implements Callable<Integer> {
    private static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    private static final long SHUTDOWN_GRACE_SECONDS = 60;
    /** A session served to the browser without --duration or --trades runs until Ctrl-C: a plan needs an end, this is it. */
    private static final Duration UNTIL_STOPPED = Duration.ofDays(36_500);

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long to run, e.g. 30s or 2m (default 30s, or unbounded when --trades is given).")
    Duration duration;

    @Option(names = "--trades", paramLabel = "N", description = "Stop after N trades.")
    Long trades;

    @Option(names = "--trade-rate", paramLabel = "PER_SECOND", defaultValue = "100", description = "Trades per second (default ${DEFAULT-VALUE}).")
    double tradeRate;

    @Option(names = "--price-rate", paramLabel = "PER_SECOND", defaultValue = "10",
            description = "Price ticks per second; each tick quotes every token and its pool (default ${DEFAULT-VALUE}).")
    double priceRate;

    @Option(names = "--traders", paramLabel = "N", defaultValue = "4", description = "Simulated traders (default ${DEFAULT-VALUE}).")
    int traders;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed, to replay the same market and trades (default: random).")
    Long seed;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "Also write the summary as JSON: {\"acknowledged\": {...}, \"streams\": {...}, \"errors\": {...}}.")
    Path summaryJson;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "Serve the live view (prices, trades, positions, MEV alerts, health) at http://127.0.0.1:PORT/ during the session,"
                    + " with /health and /metrics; 0 picks a free port.")
    Integer serve;

    /** The backends in use and where each is, credentials masked. */
    private static String servers(DataLayerConfig config) {
        StringBuilder out = new StringBuilder();
        config.backendsInUse().forEach(backend -> out.append(out.length() == 0 ? "" : "; ").append(backend.key()).append(' ')
                .append(config.address(backend)));
        return out.toString();
    }

    @Override
    public Integer call() {
        PaperTradingSession.Plan plan = new PaperTradingSession.Plan(
                duration != null ? Optional.of(duration)
                        : trades == null ? Optional.of(serve == null ? DEFAULT_DURATION : UNTIL_STOPPED) : Optional.empty(),
                trades == null ? OptionalLong.empty() : OptionalLong.of(trades), tradeRate, priceRate, traders,
                seed != null ? seed : System.nanoTime());
        if (serve != null && (serve < 0 || serve > 65_535)) {
            throw new ParameterException(spec.commandLine(), "--serve must be between 0 and 65535, got " + serve);
        }
        if (serve != null) {
            ServeCommand.requireFree(spec, "--serve", serve);
        }
        DataLayerConfig config = configuration.load(main.environment());
        if (summaryJson != null) {
            SummaryFile.check(summaryJson).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), "--summary-json " + summaryJson + ": " + problem);
            });
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrometheusMeterRegistry served = serve == null ? null : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (DataLayer data = main.dataLayers().create(config, served == null ? new SimpleMeterRegistry() : served);
                DataLayerHttpServer server = served == null ? null : new DataLayerHttpServer(data, served, serve)) {
            if (server != null) {
                spec.commandLine().getOut().printf("live view at http://127.0.0.1:%d/ (/health, /metrics; Ctrl-C to stop)%n", server.port());
                spec.commandLine().getOut().flush();
            }
            PaperTradingSession session = new PaperTradingSession(data, plan, Clock.systemUTC());
            SessionSummary summary = session.run(stop::get, noProgress ? Optional.empty() : Optional.of(spec.commandLine().getErr()),
                    System.console() != null);
            session.printReport(spec.commandLine().getOut(), configuration.describe(), servers(config), summary);
            if (summaryJson != null) {
                summary.writeJson(summaryJson);
                spec.commandLine().getOut().println("  summary       written to " + summaryJson);
            }
            spec.commandLine().getOut().flush();
            return summary.errors().isEmpty() ? 0 : Main.BACKEND_FAILURE;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }
}
