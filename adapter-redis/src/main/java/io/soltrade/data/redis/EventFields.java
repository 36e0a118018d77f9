package io.soltrade.data.redis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The top-level fields of one event's JSON object, read with a streaming parser: text as text, whole numbers as
 * longs, the {@code attributes} object as a map, anything else only as "present, of another kind". The accessors
 * reject what the event cannot use with the messages the tree-based reader gave ("field slot is missing or not a whole
 * number"), so the codec reads fields in any order, ignores unknown ones, and the last of a repeated field wins, as
 * Jackson's tree did.
 */
final class EventFields {
    /** A value that is neither text, a whole number within a long, nor an object of text attributes. */
    private static final Object OTHER = new Object();

    private final Map<String, Object> values = new HashMap<>();

    /** Reads the object whose {@code START_OBJECT} the parser is on, up to and including its {@code END_OBJECT}. */
    static EventFields read(JsonParser parser) throws IOException {
        EventFields fields = new EventFields();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            fields.values.put(name, switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> wholeNumber(parser);
                case START_OBJECT -> "attributes".equals(name) ? attributes(parser) : skipped(parser);
                default -> skipped(parser);
            });
        }
        return fields;
    }

    String text(String field) {
        if (values.get(field) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("field " + field + " is missing or not text");
    }

    boolean has(String field) {
        return values.containsKey(field);
    }

    /** A field events written before it existed lack ({@code quote}, {@code commitment}): their defaults apply. */
    Optional<String> optionalText(String field) {
        return values.containsKey(field) ? Optional.of(text(field)) : Optional.empty();
    }

    long number(String field) {
        if (values.get(field) instanceof Long number) {
            return number;
        }
        throw new IllegalArgumentException("field " + field + " is missing or not a whole number");
    }

    TreeMap<String, String> attributes() {
        Object value = values.get("attributes");
        if (value instanceof NotText notText) {
            throw new IllegalArgumentException("attribute " + notText.key() + " is not text");
        }
        if (value instanceof Attributes attributes) {
            return attributes.values();
        }
        throw new IllegalArgumentException("field attributes is missing or not an object");
    }

    /**
     * A long, or {@link #OTHER}: as the tree accepted it, a number that is integral and within a long, which includes
     * a float such as {@code 5.0} (read as a double, as the tree read it).
     */
    private static Object wholeNumber(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? (Object) parser.getLongValue() : OTHER;
        }
        double value = parser.getDoubleValue();
        boolean integral = !Double.isNaN(value) && !Double.isInfinite(value) && value == Math.rint(value);
        return integral && value >= Long.MIN_VALUE && value <= Long.MAX_VALUE ? (Object) (long) value : OTHER;
    }

    /**
     * The attributes object, or the first attribute (in the order the keys first appear; the last of a repeated key
     * wins, as in the tree) that is not text.
     */
    private static Object attributes(JsonParser parser) throws IOException {
        Map<String, String> read = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            boolean text = parser.nextToken() == JsonToken.VALUE_STRING;
            read.put(key, text ? parser.getText() : null);
            if (!text) {
                parser.skipChildren();
            }
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> attribute : read.entrySet()) {
            if (attribute.getValue() == null) {
                return new NotText(attribute.getKey());
            }
            out.put(attribute.getKey(), attribute.getValue());
        }
        return new Attributes(out);
    }

    private static Object skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return OTHER;
    }

    private record Attributes(TreeMap<String, String> values) {}

    private record NotText(String key) {}
}
