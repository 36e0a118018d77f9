package io.soltrade.data.cli;

import io.soltrade.data.app.SchemaMigration;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate}: applies the PostgreSQL changelog (Liquibase) and the QuestDB schema for the backends the
 * configuration uses, or prints the SQL with {@code --dry-run}. The adapters own their schemas; this command
 * only drives them.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the PostgreSQL changelog (Liquibase) and the QuestDB schema of the backends in use.",
            "--dry-run prints the SQL instead of running it. The memory backend has nothing to migrate."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        DataLayerConfig config = configuration.load();
        PrintWriter out = spec.commandLine().getOut();
        for (Backend backend : config.backendsInUse()) {
            out.println(SchemaMigration.run(config, backend, dryRun));
        }
        out.flush();
        return 0;
    }
}
