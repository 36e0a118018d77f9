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
 * {@code --profile} and {@code --config} and answers {@code --help}. Errors are one line on stderr, never a stack
 * trace (that goes to the log at DEBUG), with the exit codes listed in the help.
 */
@Command(name = "soltrade-data",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The soltrade data layer: QuestDB, PostgreSQL and Redis (or memory) behind type-safe ports.",
        subcommands = {SimulateCommand.class, HealthCommand.class, MigrateCommand.class, ServeCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done",
            " 1:a backend failed: it cannot start or is DOWN, a port call failed (simulate), a scenario failed (bench)",
            " 2:bad input, refused before anything starts: an option, the configuration, a port in use, an output path",
            "130:interrupted by Ctrl-C (SIGINT); 143: stopped by SIGTERM. simulate and serve still close cleanly"},
        footerHeading = "%nConfiguration:%n",
        footer = {"--profile memory (the default: no server) or local (the servers on 127.0.0.1), --config FILE (HOCON keys "
                + "soltrade.*) over it, SOLTRADE_* variables over both; SOLTRADE_LOG_LEVEL sets the log level (TRACE, DEBUG, "
                + "INFO, WARN, ERROR, OFF). Logs go to stderr, results to stdout."})
public final class Main implements Runnable {
    /** Exit code of a backend that failed: cannot start, DOWN, or calls that failed during a session. */
    static final int BACKEND_FAILURE = 1;
    /** Exit code of input refused before anything started: options, configuration, a port in use, an output path. */
    static final int CONFIGURATION_ERROR = 2;
    /** The command line's own variable (read by its logback.xml). */
    static final String LOG_LEVEL_VARIABLE = "SOLTRADE_LOG_LEVEL";
    private static final java.util.List<String> LOG_LEVELS = java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    /** Liquibase logs through java.util.logging; kept referenced so the level is not lost to garbage collection. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final DataLayerFactory dataLayers;
    private final java.util.Map<String, String> environment;

    @Spec
    CommandSpec spec;

    public Main() {
        this(DataLayer::create, System.getenv());
    }

    Main(DataLayerFactory dataLayers) {
        this(dataLayers, System.getenv());
    }

    Main(DataLayerFactory dataLayers, java.util.Map<String, String> environment) {
        this.dataLayers = dataLayers;
        this.environment = java.util.Map.copyOf(environment);
    }

    public static void main(String[] args) {
        // Before the first log line: Logback would read a bad level as DEBUG.
        java.util.Optional<String> badLevel = logLevelProblem(System.getenv());
        if (badLevel.isPresent()) {
            System.err.println(badLevel.get());
            System.exit(CONFIGURATION_ERROR);
        }
        System.exit(commandLine(new Main()).execute(args));
    }

    /** What is wrong with {@code SOLTRADE_LOG_LEVEL}, if anything. */
    static java.util.Optional<String> logLevelProblem(java.util.Map<String, String> environment) {
        String level = environment.get(LOG_LEVEL_VARIABLE);
        if (level == null || LOG_LEVELS.contains(level.strip().toUpperCase(java.util.Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("configuration error: " + LOG_LEVEL_VARIABLE + ": '" + level + "' is not a log level; use one of "
                + String.join(", ", LOG_LEVELS));
    }

    static CommandLine commandLine(Main main) {
        CommandLine commandLine = new CommandLine(main);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(exception.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        commandLine.setExecutionStrategy(parseResult -> {
            java.util.Optional<String> badLevel = logLevelProblem(main.environment);
            if (badLevel.isPresent()) {
                parseResult.commandSpec().commandLine().getErr().println(badLevel.get());
                parseResult.commandSpec().commandLine().getErr().flush();
                return CONFIGURATION_ERROR;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            int exitCode;
            if (exception instanceof ConfigurationException configuration) {
                configuration.problems().forEach(problem -> err.println("configuration error: " + problem.getMessage()));
                exitCode = CONFIGURATION_ERROR;
            } else if (exception instanceof DbException db) {
                err.println(db.backend() + " failed: " + db.getMessage());
                exitCode = BACKEND_FAILURE;
            } else if (exception instanceof IllegalArgumentException invalid) {
                err.println(invalid.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
                exitCode = CommandLine.ExitCode.USAGE;
            } else {
                LOG.debug("{} failed", command.getCommandName(), exception);
                err.println(command.getCommandName() + " failed: " + exception.getMessage()
                        + (exception.getCause() == null ? "" : " (" + exception.getCause().getMessage() + ")"));
                exitCode = BACKEND_FAILURE;
            }
            err.flush();
            return exitCode;
        });
        return commandLine;
    }

    java.util.Map<String, String> environment() {
        return environment;
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
