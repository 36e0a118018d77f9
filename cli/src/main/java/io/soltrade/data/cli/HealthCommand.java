package io.soltrade.data.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.cli.http.HealthJson;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code health}: starts the data layer, checks every backend in use, and exits 1 if one is down. When the data
 * layer cannot start (a server is unreachable), each backend is started and checked on its own instead, so the
 * report still covers all of them.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Checks each backend the configuration uses.",
            "Prints each one's state (UP, DEGRADED, DOWN), check latency, details (including its circuit breaker), and the "
                + "server it is connected to."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:no backend is DOWN", " 1:a backend is DOWN or cannot start", " 2:bad options or configuration"})
final class HealthCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--json", description = "Print the reports as JSON (the /health body of serve).")
    boolean json;

    @Override
    public Integer call() {
        DataLayerConfig config = configuration.load(main.environment());
        PrintWriter out = spec.commandLine().getOut();
        List<HealthReport> reports;
        try (DataLayer data = main.dataLayers().create(config, new SimpleMeterRegistry())) {
            reports = data.health();
        } catch (DbException e) {
            reports = new java.util.ArrayList<>();
            for (Backend backend : config.backendsInUse()) {
                reports.addAll(DataLayer.probe(config, backend));
            }
        }
        if (json) {
            out.print(HealthJson.render(reports, config));
        } else {
            for (HealthReport report : reports) {
                out.printf("%-9s %-8s %8.2f ms  %s  %s%s%n", report.backend(), report.state(), report.latency().toNanos() / 1e6,
                        HealthJson.server(config, report.backend()), report.details(), report.error().map(error -> "  error: " + error).orElse(""));
            }
        }
        out.flush();
        return HealthJson.overall(reports) == HealthState.DOWN ? Main.BACKEND_FAILURE : 0;
    }
}
