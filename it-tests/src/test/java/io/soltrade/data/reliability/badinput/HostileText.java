package io.soltrade.data.reliability.badinput;

import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Text written to hurt a store: SQL, InfluxDB line protocol (QuestDB ILP), Redis protocol (RESP) and Lua
 * injection, JSON breakers, PostgreSQL COPY escapes, Unicode trouble (surrogates, bidi overrides, zero-width and
 * combining characters, noncharacters), control characters and very long strings. A field that accepts such text
 * must store it byte for byte and be harmed by none of it; a field that refuses it must say which field.
 */
public final class HostileText {
    /** Fixed payloads, each aimed at one backend's parser. */
    public static final List<String> PAYLOADS = List.of(
            // SQL
            "'; DROP TABLE trades; --",
            "' OR '1'='1",
            "\"; DROP SCHEMA public CASCADE; --",
            "$$; DROP TABLE tokens; $$",
            "1); DELETE FROM audit_log WHERE (1=1",
            "' UNION SELECT usename, passwd FROM pg_shadow --",
            "E'\\x27'",
            "\\'",
            "%_%",
            "/* unterminated comment",
            "name' || pg_sleep(10) || '",
            // PostgreSQL COPY text format
            "a\tb\\N\\.",
            "\\.",
            "\\N",
            // InfluxDB line protocol / QuestDB ILP
            "trades,symbol=SOL price=1.0 1700000000000000000",
            "x=1,y=2 z=\"3\"",
            "a b,c=d\\ e",
            "\\",
            "\\\\\"",
            "=",
            ",",
            " ",
            "key\"=\"value",
            // Redis protocol and Lua
            "*1\r\n$8\r\nFLUSHALL\r\n",
            "+OK",
            "-ERR wrong",
            "$-1",
            ":1",
            "*3 $3 SET $1 k $1 v",
            "]]..redis.call('FLUSHALL')..[[",
            "'); redis.call('DEL', KEYS[1]); --",
            "{hash}tag",
            "stream:price-updates",
            "*",
            "?",
            "[a-z]",
            // JSON
            "{\"a\":",
            "\"}",
            "\\u0000",
            "\\ud800",
            "</script><script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            // Unicode
            "\u202Egnp.exe",
            "a\u200Bb\u200Dc",
            "e\u0301\u0301\u0301",
            "\uFEFFbom",
            "\uFFFF\uFFFE",
            "\uD83D\uDE00 \uD83C\uDDFA\uD83C\uDDF8",
            // outside the Basic Multilingual Plane: a ZWJ family, a skin tone, math letters, a CJK Extension B ideograph
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83D\uDC4D\uD83C\uDFFD",
            "\uD835\uDD38\uD835\uDD39\uD835\uDD3B \uD840\uDC00",
            "\uD800",
            "\uDC00x",
            "日本語のテキスト",
            "\u0000",
            "line\nbreak",
            "tab\there",
            "\r\n",
            "\u0085\u2028\u2029",
            "\u001B[31mred\u001B[0m");

    private HostileText() {}

    public static Arbitrary<String> payloads() {
        return Arbitraries.of(PAYLOADS);
    }

    /**
     * Hostile text of at most {@code maxLength} characters: a fixed payload, a few payloads joined, arbitrary
     * Unicode, or a long run of one awkward character.
     */
    public static Arbitrary<String> upTo(int maxLength) {
        Arbitrary<String> joined = payloads().list().ofMinSize(2).ofMaxSize(6).map(parts -> String.join("", parts));
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of("'", "\\", "\"", "é", "\uD83D\uDE00", "\uD835\uDD38", ",", " ", "%"),
                Arbitraries.integers().between(1, Math.max(1, maxLength))).as((part, times) -> part.repeat(times));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, payloads()),
                        net.jqwik.api.Tuple.of(2, joined),
                        net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(Math.min(maxLength, 200))),
                        net.jqwik.api.Tuple.of(1, repeated))
                .map(text -> truncate(text, maxLength));
    }

    /** Hostile text that {@code accepted} lets through: what a store must then keep byte for byte. */
    public static Arbitrary<String> acceptedBy(int maxLength, Predicate<String> accepted) {
        return upTo(maxLength).filter(accepted::test);
    }

    /** At most {@code maxLength} chars of {@code value}, never splitting a surrogate pair. */
    public static String truncate(String value, int maxLength) {
        if (value.length() <= maxLength) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return value.substring(0, end);
    }

    /**
     * What {@code Checks.text} accepts, written out independently as the oracle: not blank, at most
     * {@code maxLength} chars, no ISO control or format character, surrogates only in valid pairs.
     */
    public static boolean isPlainText(String value, int maxLength) {
        if (value.isBlank() || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What on-chain token metadata text may hold (the oracle for {@code TokenMetadataExtension} fields): anything
     * but U+0000 and unpaired surrogates, at most {@code maxLength} chars, empty allowed.
     */
    public static boolean isOnChainText(String value, int maxLength) {
        if (value.length() > maxLength || value.indexOf('\0') >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
