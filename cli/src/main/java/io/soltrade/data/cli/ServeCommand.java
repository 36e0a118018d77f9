package io.soltrade.data.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.cli.http.DataLayerHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: keeps the data layer up with its operator endpoints on 127.0.0.1 until Ctrl-C or SIGTERM, then
 * stops the server and closes the data layer (batch writers flush, then pools close).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the live view, health and metrics on 127.0.0.1.",
            "Keeps the data layer up until Ctrl-C or SIGTERM:",
            // a table set by hand: every line is shorter than the 80 columns picocli wraps at
            "  GET /         the live view: prices, trades, positions and P&L, MEV",
            "                alerts, backend health, as they happen",
            "  GET /health   JSON per backend (state, latency, details, server); 200,",
            "                or 503 when one is DOWN",
            "  GET /metrics  Prometheus text: port calls by outcome, retries, circuit",
            "                breakers, caches, connection pools (hikaricp_*,",
            "                soltrade_redis_pool_*), the QuestDB batch writer, JVM",
            "Any other path answers 404."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:stopped by Ctrl-C or SIGTERM after closing cleanly (the JVM reports 130 or 143)",
            " 1:a backend cannot start", " 2:bad options or configuration, or the port is in use (checked before any backend starts)"})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9464", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    /** Released by Ctrl-C / SIGTERM (the shutdown hook) or {@link #stop()}. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        DataLayerConfig config = configuration.load(main.environment());
        requireFree(spec, "--port", port);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (JvmGcMetrics gc = new JvmGcMetrics();
                DataLayer data = main.dataLayers().create(config, registry);
                DataLayerHttpServer server = new DataLayerHttpServer(data, registry, port)) {
            gc.bindTo(registry);
            spec.commandLine().getOut().printf("serving http://127.0.0.1:%d/health and /metrics (Ctrl-C to stop)%n", server.port());
            spec.commandLine().getOut().printf("live view at http://127.0.0.1:%d/%n", server.port());
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }

    /** Refuses a port another process listens on, before any backend starts (the server binds it again just after). */
    /** Refuses a port another process holds, before any backend starts (exit 2 instead of a BindException later). */
    static void requireFree(CommandSpec spec, String option, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), option + " " + port + ": 127.0.0.1:" + port + " is in use (" + e.getMessage()
                    + "); choose another port, or 0 for a free one");
        }
    }

    /** Ends {@link #call()} as Ctrl-C would: the server stops and the data layer closes. */
    void stop() {
        stopped.countDown();
    }
}
