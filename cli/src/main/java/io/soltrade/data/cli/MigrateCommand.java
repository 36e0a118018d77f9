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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migrate}: applies the PostgreSQL changelog (Liquibase) and the QuestDB schema for the backends the
 * configuration uses, or prints the SQL with {@code --dry-run}. The adapters own their schemas; this command
 * only drives them.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the schema migrations of the backends in use.",
            "PostgreSQL: the Liquibase changelog; QuestDB: the versioned migrations. --dry-run prints the SQL instead of",
            "running it. The memory backend and Redis have nothing to migrate."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every backend is migrated (or, with --dry-run, the SQL was printed)", " 1:a backend cannot start or migrate",
            " 2:bad options or configuration"})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        DataLayerConfig config = configuration.load(main.environment());
        PrintWriter out = spec.commandLine().getOut();
        for (Backend backend : config.backendsInUse()) {
            out.println(SchemaMigration.run(config, backend, dryRun));
        }
        out.flush();
        return 0;
    }
}
