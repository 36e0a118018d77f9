package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.UiEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The streaming {@link StreamEventCodec} against the tree-based codec it replaced ({@link TreeEventCodec}): the same
 * text for every event (streams and live-feed subscribers in other languages read it), and for any text near an
 * event's, the same event back or the same error.
 */
class StreamEventCodecProperties {
    private final StreamEventCodec streaming = new StreamEventCodec();
    private final TreeEventCodec tree = new TreeEventCodec();

    @Property(tries = 2_000)
    void writesTheTextTheTreeCodecWrote(@ForAll("events") StreamEvent event) {
        String text = streaming.encode(event);

        assertThat(text).isEqualTo(tree.encode(event));
        assertThat(streaming.decode(text)).isEqualTo(event);
    }

    /** An event's text with a character replaced, inserted or the text cut: the same event, or the same error. */
    @Property(tries = 5_000)
    void readsAnyEditedTextAsTheTreeCodecDid(@ForAll("events") StreamEvent event, @ForAll("positions") int position,
            @ForAll("jsonCharacters") char character, @ForAll("edits") int edit) {
        String text = tree.encode(event);
        int at = Math.floorMod(position, text.length());
        String edited = switch (edit) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + character + text.substring(at);
            default -> text.substring(0, at) + character + text.substring(at + 1);
        };
        assertThat(outcome(streaming::decode, edited)).as(edited).isEqualTo(outcome(tree::decode, edited));
    }

    /** A field's value replaced by another kind of JSON value, removed, repeated, or the fields in another order. */
    @Property(tries = 3_000)
    void readsOtherValuesMissingRepeatedAndReorderedFieldsAsTheTreeCodecDid(@ForAll("events") StreamEvent event, @ForAll("positions") int field,
            @ForAll("values") String value, @ForAll("edits") int edit) {
        String text = tree.encode(event);
        List<String> fields = topLevelFields(text);
        int at = Math.floorMod(field, fields.size());
        String name = fields.get(at).substring(0, fields.get(at).indexOf(':'));
        List<String> changed = new java.util.ArrayList<>(fields);
        switch (edit) {
            case 0 -> changed.remove(at);
            case 1 -> changed.add(name + ":" + value);
            default -> changed.set(at, name + ":" + value);
        }
        if (edit == 0 && value.length() % 2 == 0) {
            java.util.Collections.reverse(changed);
        }
        String edited = "{" + String.join(",", changed) + "}";
        assertThat(outcome(streaming::decode, edited)).as(edited).isEqualTo(outcome(tree::decode, edited));
    }

    @Example
    void readsOddDocumentsAsTheTreeCodecDid() {
        String price = tree.encode(TestValues.priceEvent(7));
        for (String text : new String[] {"", " ", "null", "5", "\"text\"", "[1]", "{}", "{\"type\":5}", price + " trailing", price + "{",
                price.replace("\"slot\":7", "\"slot\":7.0"), price.replace("\"slot\":7", "\"slot\":7.5"), price.replace("\"slot\":7", "\"slot\":1e400"),
                price.replace("\"slot\":7", "\"slot\":9223372036854775808"), price.replace("\"slot\":7", "\"slot\":-0.0"),
                price.replace("{", "{\"extra\":{\"a\":[1,{\"b\":null}]},"),
                tree.encode(TestValues.uiEvent("m")).replace("\"attributes\":{", "\"attributes\":{\"bad\":1,\"bad\":\"fine\","),
                tree.encode(TestValues.uiEvent("m")).replace("\"attributes\":{", "\"attributes\":{\"a\":\"x\",\"bad\":[\"nested\"],")}) {
            assertThat(outcome(streaming::decode, text)).as(text).isEqualTo(outcome(tree::decode, text));
        }
    }

    /** The event, or the error: its class and, unless the text was not a JSON object at all, its message. */
    private static Object outcome(Function<String, StreamEvent> decode, String text) {
        try {
            return decode.apply(text);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            boolean unreadable = message.startsWith("not JSON") || message.startsWith("not a JSON object");
            return e.getClass().getSimpleName() + ": " + (unreadable ? "unreadable" : message);
        }
    }

    /** {@code "name":value} of each top-level field of text written by the codecs (values are strings, numbers, flat objects). */
    private static List<String> topLevelFields(String text) {
        List<String> fields = new java.util.ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 1;
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                fields.add(text.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(text.substring(start, text.length() - 1));
        return fields;
    }

    @Provide
    Arbitrary<StreamEvent> events() {
        return Arbitraries.oneOf(prices(), trades(), uiEvents());
    }

    private Arbitrary<StreamEvent> prices() {
        Arbitrary<BigDecimal> price = Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), Arbitraries.integers().between(-5, 30))
                .as(BigDecimal::valueOf);
        return Combinators.combine(symbols(), price, Arbitraries.longs().between(0, Long.MAX_VALUE), instants(),
                Arbitraries.strings().withChars("abcz09_.-").ofMinLength(1).ofMaxLength(32),
                Arbitraries.of(QuoteTokens.USDC, QuoteTokens.SOL, TestValues.pubkey()))
                .as((symbol, value, slot, at, source, quote) -> (StreamEvent) new PriceUpdateEvent(new PriceQuote(symbol, value, slot, at, source, quote)))
                .ignoreException(DomainValidationException.class);
    }

    private Arbitrary<StreamEvent> trades() {
        return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), instants()).as((slot, at) -> {
            Trade t = TestValues.tradeEvent().trade();
            return (StreamEvent) new TradeEvent(new Trade(t.id(), at, t.trader(), t.mode(), t.side(), t.tokenIn(), t.tokenOut(), t.amountIn(),
                    t.amountOut(), t.fee(), t.price(), slot, t.mevStatus(), t.commitment()));
        }).ignoreException(DomainValidationException.class);
    }

    private Arbitrary<StreamEvent> uiEvents() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40);
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8), text)
                .ofMaxSize(5);
        return Combinators.combine(text, attributes, instants())
                .as((message, attrs, at) -> (StreamEvent) UiEvent.of("alert.price", message, attrs, at)).ignoreException(DomainValidationException.class);
    }

    /** Symbols from plain to odd: unicode, quotes, backslashes (percent-encoded in keys, escaped in JSON). */
    private Arbitrary<TokenSymbol> symbols() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12).map(TokenSymbol::of).ignoreException(DomainValidationException.class);
    }

    private Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000_000L).map(micros -> Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<Character> jsonCharacters() {
        return Arbitraries.of('"', '\\', '{', '}', '[', ']', ',', ':', '0', '1', '.', 'e', '-', ' ', 'a', 'n', 't', 'u', 'Z', '\u00e9');
    }

    /** JSON values of every kind, including numbers the tree read as whole (7.0) and not (7.5, beyond a long). */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("\"text\"", "\"\"", "7", "7.0", "7.5", "-1", "1e3", "1e400", "9223372036854775807", "9223372036854775808",
                "-0.0", "null", "true", "false", "{}", "{\"a\":\"b\"}", "{\"a\":1}", "[]", "[\"a\"]", "\"PAPER\"", "\"2025-06-01T12:00:00Z\"",
                "\"USDC\"", "\"price\"", "\"trade\"", "\"ui\"", "\"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v\"", "\"1.5\"");
    }
}
