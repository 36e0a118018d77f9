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
 *
 * <p>Two substitutions, both resolved when the file is read and both made only of text from the same file, so no
 * value ever reaches SQL text: a block headed {@code -- fragment: <key>} is not a query but text that queries
 * include as {@code {{key}}} (a column list, the label-filter slots); and a query named {@code <key>.{{interval}}}
 * stands for one query per value of the file's {@code -- intervals: ...} line (QuestDB takes no bind variable in
 * {@code SAMPLE BY}), each with {@code {{interval}}} replaced in its name and text.
 */
final class SqlResource {
    static final String INTERVAL = "{{interval}}";
    private static final String NAME = "-- name:";
    private static final String FRAGMENT = "-- fragment:";
    private static final String INTERVALS = "-- intervals:";

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
        Map<String, String> blocks = new LinkedHashMap<>();
        Map<String, String> fragments = new LinkedHashMap<>();
        List<String> intervals = List.of();
        String name = null;
        boolean fragment = false;
        StringBuilder current = new StringBuilder();
        for (String line : read(resource).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(NAME) || trimmed.startsWith(FRAGMENT)) {
                put(fragment ? fragments : blocks, name, current, resource);
                fragment = trimmed.startsWith(FRAGMENT);
                name = trimmed.substring(fragment ? FRAGMENT.length() : NAME.length()).strip();
                current.setLength(0);
            } else if (trimmed.startsWith(INTERVALS)) {
                intervals = List.of(trimmed.substring(INTERVALS.length()).strip().split("\\s+"));
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        put(fragment ? fragments : blocks, name, current, resource);
        Map<String, String> queries = new LinkedHashMap<>();
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            String text = include(block.getValue(), fragments, resource, block.getKey());
            if (block.getKey().contains(INTERVAL)) {
                if (intervals.isEmpty()) {
                    throw new IllegalStateException(resource + ": query '" + block.getKey() + "' needs an '-- intervals:' line");
                }
                for (String interval : intervals) {
                    queries.put(block.getKey().replace(INTERVAL, interval), text.replace(INTERVAL, interval));
                }
            } else {
                queries.put(block.getKey(), text);
            }
        }
        return Map.copyOf(queries);
    }

    private static String include(String text, Map<String, String> fragments, String resource, String query) {
        String result = text;
        for (Map.Entry<String, String> fragment : fragments.entrySet()) {
            result = result.replace("{{" + fragment.getKey() + "}}", fragment.getValue());
        }
        int open = result.indexOf("{{");
        if (open >= 0 && !result.startsWith(INTERVAL, open)) {
            throw new IllegalStateException(resource + ": query '" + query + "' includes an unknown fragment at " + result.substring(open));
        }
        return result;
    }

    private static void put(Map<String, String> blocks, String name, StringBuilder text, String resource) {
        if (name == null) {
            return;
        }
        String query = text.toString().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        if (query.isEmpty() || blocks.put(name, query) != null) {
            throw new IllegalStateException(resource + ": block '" + name + "' is empty or defined twice");
        }
    }

    static String read(String resource) {
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
