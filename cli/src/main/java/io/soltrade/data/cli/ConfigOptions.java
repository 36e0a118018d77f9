package io.soltrade.data.cli;

import io.soltrade.data.app.config.DataLayerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares to say which configuration to start the data layer with. */
final class ConfigOptions {
    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "memory",
            description = "memory (default: every port in memory, no servers) or local (QuestDB, PostgreSQL and Redis on 127.0.0.1).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A HOCON file layered over the profile (keys soltrade.*, e.g. soltrade.postgres.url = \"jdbc:postgresql://db:5432/app\"); "
                    + "SOLTRADE_* environment variables override both.")
    Path file;

    DataLayerConfig load(Map<String, String> environment) {
        return load(profile, Optional.ofNullable(file), environment);
    }

    /** What {@code --profile} and {@code --config} name, for summaries: {@code local + /etc/soltrade.conf}. */
    String describe() {
        return profile + (file == null ? "" : " + " + file);
    }

    /** {@link DataLayerConfig#load} with this process's variables, less the command line's own. */
    static DataLayerConfig load(String profile, Optional<Path> file) {
        return load(profile, file, System.getenv());
    }

    /** {@link DataLayerConfig#load} with {@code environment}, less the command line's own variable. */
    static DataLayerConfig load(String profile, Optional<Path> file, Map<String, String> environment) {
        Map<String, String> ours = new HashMap<>(environment);
        ours.remove(Main.LOG_LEVEL_VARIABLE);
        return DataLayerConfig.load(profile, file, ours);
    }
}
