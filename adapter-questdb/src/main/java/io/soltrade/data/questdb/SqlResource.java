package io.soltrade.data.questdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL kept in resource files, never built in Java. {@link #statements} splits a script at {@code ;} ending a
 * line; {@link #named} reads blocks headed {@code -- name: <key>}. Comment lines are dropped.
 */
final class SqlResource {

    private SqlResource() {}

    static List<String> statements(String resource) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(resource).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(resource + " ends with a statement that has no ';'");
        }
        return List.copyOf(statements);
    }

    static Map<String, String> named(String resource) {
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder current = new StringBuilder();
        for (String line : read(resource).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- name:")) {
                put(queries, name, current, resource);
                name = trimmed.substring("-- name:".length()).strip();
                current.setLength(0);
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        put(queries, name, current, resource);
        return Map.copyOf(queries);
    }

    private static void put(Map<String, String> queries, String name, StringBuilder text, String resource) {
        if (name == null) {
            return;
        }
        String query = text.toString().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        if (query.isEmpty() || queries.put(name, query) != null) {
            throw new IllegalStateException(resource + ": query '" + name + "' is empty or defined twice");
        }
    }

    private static String read(String resource) {
        try (InputStream in = SqlResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
