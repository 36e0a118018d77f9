package io.soltrade.data.cli.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The machine-readable end of a session, the shape {@code --summary-json} writes and later tooling relies on:
 * {@code {"acknowledged": {"trades": N, ...}, "streams": {"stream:price-updates": LEN, ...}, "errors": {KIND: N}}}.
 * {@code acknowledged} counts only items whose write call returned success; {@code streams} holds each stream's
 * length when the session ended; {@code errors} counts failed calls by {@link io.soltrade.data.ports.DbErrorKind}.
 */
public record SessionSummary(Map<String, Long> acknowledged, Map<String, Long> streams, Map<String, Long> errors) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SessionSummary {
        acknowledged = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(acknowledged, "acknowledged is null")));
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(streams, "streams is null")));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(errors, "errors is null")));
    }

    String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("acknowledged", acknowledged);
        document.put("streams", streams);
        document.put("errors", errors);
        try {
            return JSON.writeValueAsString(document) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the JSON to {@code file} atomically (a temporary file moved into place, or removed), so a reader never sees half of it. */
    public void writeJson(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, toJson());
                Files.move(temporary, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + file, e);
        }
    }
}
