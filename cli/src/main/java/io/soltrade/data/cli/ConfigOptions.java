package io.soltrade.data.cli;

import io.soltrade.data.app.config.DataLayerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares to say which configuration to start the data layer with. */
final class ConfigOptions {
    /** The command line's own variable (read by its logback.xml), which the data layer must not see as unknown. */
    static final String LOG_LEVEL_VARIABLE = "SOLTRADE_LOG_LEVEL";

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "memory",
            description = "memory (default: every port in memory, no servers) or local (QuestDB, PostgreSQL and Redis on 127.0.0.1).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A HOCON file layered over the profile (keys under soltrade.*, see app/README.md). SOLTRADE_* environment variables override both.")
    Path file;

    DataLayerConfig load() {
        return load(profile, Optional.ofNullable(file));
    }

    /** {@link DataLayerConfig#load} with this process's variables, less the command line's own. */
    static DataLayerConfig load(String profile, Optional<Path> file) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove(LOG_LEVEL_VARIABLE);
        return DataLayerConfig.load(profile, file, environment);
    }
}
