package io.soltrade.data.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One sample of a system metric. Labels are kept sorted so the same labels always render to the same JSON,
 * which makes {@code name + labels + at} a stable natural key.
 */
public record MetricPoint(String name, double value, SortedMap<String, String> labels, Instant at) {
    public static final int MAX_LABELS = 32;
    public static final int MAX_LABEL_VALUE_LENGTH = 256;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:.]{0,127}");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,63}");

    public MetricPoint {
        Checks.matches(name, "name", NAME, "a metric name ([a-zA-Z_:][a-zA-Z0-9_:.]*, at most 128 characters)");
        Checks.finite(value, "value");
        Checks.notNull(labels, "labels");
        if (labels.size() > MAX_LABELS) {
            throw new DomainValidationException("labels", "has " + labels.size() + " entries, at most " + MAX_LABELS + " allowed");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        labels.forEach((k, v) -> {
            Checks.matches(k, "labels key", LABEL_KEY, "a label name ([a-zA-Z_][a-zA-Z0-9_]*, at most 64 characters)");
            copy.put(k, Checks.text(v, "labels." + k, MAX_LABEL_VALUE_LENGTH));
        });
        labels = Collections.unmodifiableSortedMap(copy);
        at = Checks.timestamp(at, "at");
    }

    public static MetricPoint of(String name, double value, Map<String, String> labels, Instant at) {
        return new MetricPoint(name, value, Checks.sortedCopy(labels, "labels"), at);
    }

    /** The labels as a JSON object with keys in sorted order, e.g. {@code {"node":"rpc-1","region":"eu"}}. */
    public String labelsJson() {
        StringBuilder json = new StringBuilder("{");
        labels.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendJsonString(json, k).append(':');
            appendJsonString(json, v);
        });
        return json.append('}').toString();
    }

    private static StringBuilder appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
