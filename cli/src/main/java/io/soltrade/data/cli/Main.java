package io.soltrade.data.cli;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.ConfigurationException;
import io.soltrade.data.ports.DbException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The command line: {@code java -jar cli/target/soltrade-data.jar <command>}. Every command takes
 * {@code --profile} and {@code --config} and answers {@code --help}.
 */
@Command(name = "soltrade-data",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The soltrade data layer: QuestDB, PostgreSQL and Redis (or memory) behind type-safe ports.",
        subcommands = {SimulateCommand.class, HealthCommand.class, MigrateCommand.class, ServeCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a configuration that cannot start (picocli uses 2 for bad usage too). */
    static final int CONFIGURATION_ERROR = 2;
    /** Exit code of a backend that failed (or a health check that found one down). */
    static final int BACKEND_FAILURE = 1;

    /** Liquibase logs through java.util.logging; kept referenced so the level is not lost to garbage collection. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final DataLayerFactory dataLayers;

    @Spec
    CommandSpec spec;

    public Main() {
        this(DataLayer::create);
    }

    Main(DataLayerFactory dataLayers) {
        this.dataLayers = dataLayers;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Main()).execute(args));
    }

    static CommandLine commandLine(Main main) {
        return new CommandLine(main).setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (exception instanceof ConfigurationException) {
                err.println("configuration error: " + exception.getMessage());
                err.flush();
                return CONFIGURATION_ERROR;
            }
            if (exception instanceof DbException db) {
                err.println(db.backend() + " failed: " + db.getMessage());
                err.flush();
                return BACKEND_FAILURE;
            }
            if (exception instanceof IllegalArgumentException invalid) {
                err.println(invalid.getMessage());
                err.println(commandLine.getHelp().fullSynopsis());
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            throw exception;
        });
    }

    DataLayerFactory dataLayers() {
        return dataLayers;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"soltrade-data " + (version == null ? "(development build)" : version)};
        }
    }
}
