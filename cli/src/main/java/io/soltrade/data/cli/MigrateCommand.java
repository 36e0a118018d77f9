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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migrate}: applies the PostgreSQL changelog (Liquibase) and the QuestDB migrations for the backends the
 * configuration uses and prints, per backend, what was applied or that it is up to date; with {@code --dry-run} it
 * lists what is pending instead (the shipped SQL with {@code --dry-run --sql}). The adapters own their schemas; this
 * command only drives them.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the schema migrations of the backends in use.",
            "Prints, per backend, what it applied (PostgreSQL: the Liquibase changesets; QuestDB: the versioned "
                + "migrations) or that it is up to date.",
            "--dry-run connects and lists the pending changesets and migrations, changing nothing; --dry-run --sql "
                + "prints the shipped SQL without connecting. The memory backend and Redis have nothing to migrate."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every backend is migrated (or, with --dry-run, the pending changes or the SQL were printed)", " 1:a backend cannot start or migrate",
            " 2:bad options or configuration"})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--dry-run", description = "Connect and list the pending changes (PostgreSQL changesets, QuestDB migrations); change nothing.")
    boolean dryRun;

    @Option(names = "--sql", description = "With --dry-run: print the SQL the adapters ship instead, without connecting.")
    boolean sql;

    @Override
    public Integer call() {
        if (sql && !dryRun) {
            throw new ParameterException(spec.commandLine(), "--sql goes with --dry-run");
        }
        DataLayerConfig config = configuration.load(main.environment());
        PrintWriter out = spec.commandLine().getOut();
        for (Backend backend : config.backendsInUse()) {
            out.println(SchemaMigration.run(config, backend, dryRun, sql));
        }
        out.flush();
        return 0;
    }
}
