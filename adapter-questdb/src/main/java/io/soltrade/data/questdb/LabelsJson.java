package io.soltrade.data.questdb;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads back the labels column: the flat JSON object of strings that {@code MetricPoint.labelsJson()} wrote.
 * Accepts standard JSON string escapes; anything else is an {@link IllegalArgumentException}.
 */
final class LabelsJson {
    private final String text;
    private int position;

    private LabelsJson(String text) {
        this.text = text;
    }

    static SortedMap<String, String> parse(String json) {
        return new LabelsJson(json).object();
    }

    private SortedMap<String, String> object() {
        SortedMap<String, String> labels = new TreeMap<>();
        expect('{');
        skipSpaces();
        if (peek() == '}') {
            position++;
            return end(labels);
        }
        while (true) {
            skipSpaces();
            String key = string();
            skipSpaces();
            expect(':');
            skipSpaces();
            labels.put(key, string());
            skipSpaces();
            char next = next();
            if (next == '}') {
                return end(labels);
            }
            if (next != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private SortedMap<String, String> end(SortedMap<String, String> labels) {
        skipSpaces();
        if (position != text.length()) {
            throw error("trailing characters");
        }
        return labels;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next() {
        char c = peek();
        position++;
        return c;
    }

    private void expect(char expected) {
        if (next() != expected) {
            throw error("expected '" + expected + "'");
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("labels JSON " + problem + " at " + position + ": " + text);
    }
}
