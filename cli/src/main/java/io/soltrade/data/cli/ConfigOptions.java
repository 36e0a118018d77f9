package io.soltrade.data.cli;

import io.soltrade.data.app.config.DataLayerConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares to say which configuration to start the data layer with. */
final class ConfigOptions {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "memory",
            description = "memory (default: every port in memory, no servers) or local (QuestDB, PostgreSQL and Redis on 127.0.0.1).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A HOCON file layered over the profile (keys under soltrade.*, see app/README.md). SOLTRADE_* environment variables override both.")
    Path file;

    DataLayerConfig load() {
        return DataLayerConfig.load(profile, Optional.ofNullable(file));
    }
}
