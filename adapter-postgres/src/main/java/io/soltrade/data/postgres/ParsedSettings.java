package io.soltrade.data.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.soltrade.data.domain.TraderConfig;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code settings} column of {@code trader_config} as a {@link TraderConfig} holds it, parsed and checked once
 * per distinct JSON text. Config reads are the adapter's hottest call and most traders' settings rarely change, yet
 * parsing the JSON and checking each setting was a fifth of a read's client CPU (JFR, docs/bench.md). The parsed settings
 * are immutable, so one instance can serve every read of the same text; a changed row has a new text and is parsed
 * again. Bounded: at most {@link #MAX_ENTRIES} texts of at most {@link #MAX_TEXT_CHARS} characters are kept (a
 * longer text is parsed on every read), and a full cache is emptied before it takes a new text, so its memory stays
 * under about {@code MAX_ENTRIES x MAX_TEXT_CHARS} characters twice over (text and parsed map) whatever is stored.
 * Thread-safe.
 */
final class ParsedSettings {
    static final int MAX_ENTRIES = 1_024;
    static final int MAX_TEXT_CHARS = 4_096;

    /** Built once: resolving the target type per read showed in the profile. */
    private static final ObjectReader JSON = new ObjectMapper().readerFor(new TypeReference<TreeMap<String, String>>() {});

    private final ConcurrentMap<String, SortedMap<String, String>> byText = new ConcurrentHashMap<>();

    /**
     * The settings {@code json} holds, checked as {@link TraderConfig#settingsOf} checks them.
     *
     * @throws IllegalArgumentException                     if {@code json} is no JSON object of strings
     * @throws io.soltrade.data.domain.DomainValidationException if a setting is invalid
     */
    SortedMap<String, String> of(String json) {
        SortedMap<String, String> known = byText.get(json);
        if (known != null) {
            return known;
        }
        SortedMap<String, String> parsed = TraderConfig.settingsOf(parse(json));
        if (json.length() <= MAX_TEXT_CHARS) {
            if (byText.size() >= MAX_ENTRIES) {
                byText.clear();
            }
            byText.putIfAbsent(json, parsed);
        }
        return parsed;
    }

    /** How many texts are kept (for tests). */
    int size() {
        return byText.size();
    }

    private static TreeMap<String, String> parse(String json) {
        try {
            return JSON.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
