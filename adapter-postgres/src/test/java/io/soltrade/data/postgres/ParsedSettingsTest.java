package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.DomainValidationException;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The settings column parsed and checked once per distinct text, within a bound, and still refused when invalid. */
class ParsedSettingsTest {
    private final ParsedSettings settings = new ParsedSettings();

    @Test
    void theSameTextIsParsedOnceAndSharedByEveryRead() {
        SortedMap<String, String> first = settings.of("{\"b\":\"2\",\"a\":\"1\"}");
        SortedMap<String, String> again = settings.of(new String("{\"b\":\"2\",\"a\":\"1\"}"));

        assertThat(again).isSameAs(first).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(settings.of("{\"a\":\"1\",\"b\":\"2\"}")).as("another text, the same settings").isEqualTo(first);
        assertThatThrownBy(() -> first.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidSettingsAreRefusedOnEveryReadAndNeverKept() {
        assertThatThrownBy(() -> settings.of("{\"9bad\":\"1\"}")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> settings.of("{\"9bad\":\"1\"}")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> settings.of("{\"a\":\"\"}")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> settings.of("[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object of strings");
        assertThatThrownBy(() -> settings.of("null")).isInstanceOf(DomainValidationException.class);
        assertThat(settings.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        for (int i = 0; i < ParsedSettings.MAX_ENTRIES + 10; i++) {
            settings.of("{\"k\":\"" + i + "\"}");
            assertThat(settings.size()).isBetween(1, ParsedSettings.MAX_ENTRIES);
        }

        String longText = "{\"k\":\"" + "x".repeat(1_000) + "\",\"l\":\"" + "y".repeat(1_000) + "\",\"m\":\"" + "z".repeat(1_000)
                + "\",\"n\":\"" + "w".repeat(1_000) + "\",\"o\":\"" + "v".repeat(200) + "\"}";
        assertThat(longText.length()).isGreaterThan(ParsedSettings.MAX_TEXT_CHARS);
        SortedMap<String, String> parsed = settings.of(longText);
        assertThat(settings.of(longText)).as("a text above the size bound is parsed on every read").isNotSameAs(parsed).isEqualTo(parsed);
    }
}
