package io.soltrade.data.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A notice for user interfaces (an alert, a status change), with free attributes. */
public record UiEvent(String kind, String message, SortedMap<String, String> attributes, Instant at) implements StreamEvent {
    public static final int MAX_MESSAGE_LENGTH = 1024;
    public static final int MAX_ATTRIBUTES = 32;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,63}");

    public UiEvent {
        Checks.matches(kind, "kind", KIND, "a lowercase event kind ([a-z][a-z0-9_.-]*, at most 64 characters)");
        Checks.text(message, "message", MAX_MESSAGE_LENGTH);
        Checks.notNull(attributes, "attributes");
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new DomainValidationException("attributes", "has " + attributes.size() + " entries, at most " + MAX_ATTRIBUTES + " allowed");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        attributes.forEach((k, v) -> {
            Checks.matches(k, "attributes key", ATTRIBUTE_KEY, "an attribute name ([a-zA-Z_][a-zA-Z0-9_]*)");
            copy.put(k, Checks.text(v, "attributes." + k, 256));
        });
        attributes = Collections.unmodifiableSortedMap(copy);
        at = Checks.timestamp(at, "at");
    }

    public static UiEvent of(String kind, String message, Map<String, String> attributes, Instant at) {
        return new UiEvent(kind, message, Checks.sortedCopy(attributes, "attributes"), at);
    }

    @Override
    public StreamName stream() {
        return StreamName.UI_EVENTS;
    }
}
