package io.soltrade.data.bench.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw sides' SQL, kept in {@code bench.sql} (never built in Java): blocks headed {@code -- name: <key>}, one
 * statement each; comment lines are dropped.
 */
final class BenchSql {
    private static final String RESOURCE = "bench.sql";
    private static final Map<String, String> STATEMENTS = load();

    private BenchSql() {
    }

    static String named(String name) {
        String statement = STATEMENTS.get(name);
        if (statement == null) {
            throw new IllegalArgumentException("no statement '" + name + "' in " + RESOURCE + "; it has " + STATEMENTS.keySet());
        }
        return statement;
    }

    private static Map<String, String> load() {
        String text;
        try (InputStream in = BenchSql.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> statements = new LinkedHashMap<>();
        String name = null;
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- name:")) {
                if (name != null) {
                    statements.put(name, current.toString().strip());
                }
                name = trimmed.substring("-- name:".length()).strip();
                current.setLength(0);
            } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                current.append(line).append('\n');
            }
        }
        if (name != null) {
            statements.put(name, current.toString().strip());
        }
        return Map.copyOf(statements);
    }
}
