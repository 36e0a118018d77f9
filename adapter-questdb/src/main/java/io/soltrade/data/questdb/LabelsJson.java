package io.soltrade.data.questdb;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels column's text: the flat JSON object of strings that {@code MetricPoint.labelsJson()} writes, stored
 * with every character outside the Basic Multilingual Plane as a JSON {@code \\u} escape of its UTF-16 surrogates
 * ({@link #forStorage}), and read back with standard JSON string escapes ({@link #parse}; anything else is an
 * {@link IllegalArgumentException}).
 *
 * <p>Why escaped: the ILP client encodes each UTF-16 surrogate of a string on its own and writes {@code ?} for it,
 * so an emoji in a label value would be stored as {@code ??}: acknowledged, then read back different. The escaped
 * text is plain ASCII for those characters, the same JSON value, and QuestDB's {@code json_extract} decodes it, so
 * label filters still match.
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

    /** {@code labelsJson} with each surrogate escaped as {@code \\uXXXX} (they occur only inside its strings). */
    static String forStorage(String labelsJson) {
        StringBuilder out = null;
        for (int i = 0; i < labelsJson.length(); i++) {
            char c = labelsJson.charAt(i);
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(labelsJson.length() + 16).append(labelsJson, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? labelsJson : out.toString();
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
