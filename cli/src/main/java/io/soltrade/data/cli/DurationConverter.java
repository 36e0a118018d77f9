package io.soltrade.data.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration the way the configuration files do: {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h}; a unit is required. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        if (!value.strip().matches("[0-9]+(\\.[0-9]+)?\\s*[a-zA-Z]+")) {
            throw new TypeConversionException("'" + value + "' is not a duration with a unit (e.g. 30s, 2m, 500ms)");
        }
        try {
            return ConfigFactory.empty().withValue("d", ConfigValueFactory.fromAnyRef(value)).getDuration("d");
        } catch (ConfigException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 2m, 500ms)");
        }
    }
}
