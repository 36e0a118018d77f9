package io.soltrade.data.reliability.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TxSignature;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.domain.token.AccountState;
import io.soltrade.data.domain.token.DefaultAccountState;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.InterestBearingConfig;
import io.soltrade.data.domain.token.MintCloseAuthority;
import io.soltrade.data.domain.token.Pausable;
import io.soltrade.data.domain.token.ScaledUiAmount;
import io.soltrade.data.domain.token.TokenExtension;
import io.soltrade.data.domain.token.TokenExtensionCodec;
import io.soltrade.data.domain.token.TokenGroup;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenMetadataExtension;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.domain.token.TransferHook;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile and invalid values at the domain constructors, where every adapter's input starts: each is either
 * accepted exactly as an independent oracle says it should be, or refused with a {@link DomainValidationException}
 * that names the field and stays short (a megabyte of input never becomes a megabyte of message). Nothing else
 * may escape: no NullPointerException, NumberFormatException or ArithmeticException.
 */
class DomainBoundaryProperties {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int MESSAGE_LIMIT = 1_000;

    @Property
    void pubkeysAreBase58OfExactly32Bytes(@ForAll("keyText") String text) {
        checkKey(text, 32, "pubkey", () -> Pubkey.of(text).base58());
    }

    @Property
    void signaturesAreBase58OfExactly64Bytes(@ForAll("keyText") String text) {
        checkKey(text, 64, "signature", () -> TxSignature.of(text).base58());
    }

    private static void checkKey(String text, int bytes, String field, Supplier<String> parse) {
        Optional<byte[]> decoded = decodeBase58(text);
        if (decoded.isPresent() && decoded.get().length == bytes) {
            assertThat(parse.get()).as("a valid key keeps its text").isEqualTo(text);
        } else {
            assertRefused(field, parse::get);
        }
    }

    @Provide
    Arbitrary<String> keyText() {
        Arbitrary<String> base58 = Arbitraries.strings().withChars(BASE58).ofMinLength(0).ofMaxLength(100);
        Arbitrary<String> nearlyBase58 = Arbitraries.strings().withChars(BASE58 + "0OIl+/= -").ofMinLength(40).ofMaxLength(90);
        Arbitrary<String> encoded = Arbitraries.integers().between(0, 70).map(n -> {
            byte[] raw = new byte[n];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(raw);
            return encodeBase58(raw);
        });
        Arbitrary<String> huge = Arbitraries.of("1", "z", "\0").map(c -> c.repeat(1_000_000));
        return Arbitraries.oneOf(base58, nearlyBase58, encoded, HostileText.upTo(100), huge,
                Arbitraries.strings().all().ofMaxLength(90));
    }

    @Property
    void tokenAmountsAreUnsigned64Bit(@ForAll("bigIntegers") BigInteger units) {
        boolean inRange = units.signum() >= 0 && units.compareTo(U64_MAX) <= 0;
        if (inRange) {
            assertThat(TokenAmount.of(units).toBigInteger()).isEqualTo(units);
            assertThat(TokenAmount.parse(units.toString()).toBigInteger()).isEqualTo(units);
        } else {
            assertRefused("amount", () -> TokenAmount.of(units));
            assertRefused("amount", () -> TokenAmount.parse(units.toString()));
        }
    }

    @Provide
    Arbitrary<BigInteger> bigIntegers() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(70).negate(), BigInteger.ONE.shiftLeft(70)),
                Arbitraries.of(U64_MAX, U64_MAX.add(BigInteger.ONE), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.ONE.negate(),
                        BigInteger.TEN.pow(1_000)));
    }

    @Property
    void amountTextIsDecimalDigitsOnly(@ForAll("amountText") String text) {
        Throwable thrown = catchThrowable(() -> TokenAmount.parse(text));
        if (thrown == null) {
            assertThat(text).matches("[0-9]{1,20}");
            assertThat(new BigInteger(text)).isLessThanOrEqualTo(U64_MAX);
        } else {
            assertRefusal("amount", thrown);
        }
    }

    @Provide
    Arbitrary<String> amountText() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789-+.eE ,_").ofMaxLength(25), HostileText.upTo(40),
                Arbitraries.of("", "-0", "+1", "1e3", "0x10", "18446744073709551616", "٣", "１"));
    }

    /** Prices hold at most 20 digits before the point and 18 after, and must be positive; nothing is rounded. */
    @Property
    void pricesAreExactPositiveDecimals(@ForAll("decimals") BigDecimal price) {
        Supplier<Trade> trade = () -> new Trade(ContractFixtures.paperTradeId(), ContractFixtures.now(), ContractFixtures.traderId(), TradingMode.PAPER,
                TradeSide.BUY, ContractFixtures.pubkey(), ContractFixtures.pubkey(), TokenAmount.of(1), TokenAmount.of(1), TokenAmount.ZERO, price, 1, MevStatus.NONE);
        BigDecimal stripped = price.signum() == 0 ? BigDecimal.ZERO : price.stripTrailingZeros();
        boolean fits = price.signum() > 0 && (long) stripped.precision() - stripped.scale() <= 20 && stripped.scale() <= 18;
        if (fits) {
            assertThat(trade.get().price()).isEqualByComparingTo(price);
        } else {
            assertRefused("price", trade::get);
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigDecimal> generated = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(45).negate(), BigInteger.TEN.pow(45)),
                Arbitraries.integers().between(-30, 45)).as(BigDecimal::new);
        return Arbitraries.oneOf(generated, Arbitraries.of(new BigDecimal("1E+999999999"), new BigDecimal("1E-999999999"),
                ContractFixtures.LARGEST_PRICE, ContractFixtures.SMALLEST_PRICE, ContractFixtures.LARGEST_PRICE.add(ContractFixtures.SMALLEST_PRICE),
                ContractFixtures.SMALLEST_PRICE.movePointLeft(1), new BigDecimal("0E-40"), new BigDecimal("1.000000000000000000000000")));
    }

    @Property
    void doublesAreFiniteAndInRange(@ForAll("doubles") double value) {
        if (Double.isFinite(value)) {
            assertThat(MetricPoint.of("m", value, Map.of(), ContractFixtures.now()).value()).isEqualTo(value);
        } else {
            assertRefused("value", () -> MetricPoint.of("m", value, Map.of(), ContractFixtures.now()));
        }
        Supplier<MevEvent> event = () -> new MevEvent(java.util.UUID.randomUUID(), ContractFixtures.now(), ContractFixtures.traderId(),
                ContractFixtures.pubkey(), Optional.empty(), value, TokenAmount.ZERO, TokenAmount.ZERO, MevOutcome.AVOIDED);
        if (value >= 0.0 && value <= 1.0) {
            assertThat(event.get().sandwichProbability()).isEqualTo(value);
        } else {
            assertRefused("sandwichProbability", event::get);
        }
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-2, 2),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE,
                        -Double.MIN_VALUE, Math.nextUp(1.0), Math.nextDown(0.0)));
    }

    /** Every free-text field refuses exactly what the plain-text oracle refuses, naming itself. */
    @Property
    void freeTextFieldsAcceptExactlyPlainText(@ForAll("anyText") String text) {
        checkText(text, 128, "name", () -> new TokenMetadata(ContractFixtures.pubkey(), ContractFixtures.symbol(), text, 6, TokenProgram.SPL_TOKEN, List.of()).name());
        checkText(text, UiEvent.MAX_MESSAGE_LENGTH, "message", () -> UiEvent.of("alert.x", text, Map.of(), ContractFixtures.now()).message());
        checkText(text, 256, "attributes.a", () -> UiEvent.of("alert.x", "m", Map.of("a", text), ContractFixtures.now()).attributes().get("a"));
        checkText(text, MetricPoint.MAX_LABEL_VALUE_LENGTH, "labels.host", () -> MetricPoint.of("m", 1, Map.of("host", text), ContractFixtures.now()).labels().get("host"));
        TraderConfig template = ContractFixtures.traderConfig(ContractFixtures.traderId());
        checkText(text, 1024, "settings.s", () -> TraderConfig.of(template.trader(), template.mode(), template.limits(), template.mevProtection(),
                Map.of("s", text)).settings().get("s"));
        Supplier<String> onChain = () -> new TokenMetadataExtension(Optional.empty(), ContractFixtures.pubkey(), text, "S", "").name();
        if (HostileText.isOnChainText(text, TokenMetadataExtension.MAX_TEXT_LENGTH)) {
            assertThat(onChain.get()).isEqualTo(text);
        } else {
            assertRefused("name", onChain::get);
        }
    }

    private static void checkText(String text, int maxLength, String field, Supplier<String> build) {
        if (HostileText.isPlainText(text, maxLength)) {
            assertThat(build.get()).as(field).isEqualTo(text);
        } else {
            assertRefused(field, build::get);
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(HostileText.upTo(1_100), Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of("", " ", "\t", "\u3000", "x".repeat(1_000_000), "é".repeat(10_001)));
    }

    @Property
    void tradeIdsParseBackToTheirText(@ForAll("tradeIdText") String text) {
        Throwable thrown = catchThrowable(() -> assertThat(TradeId.parse(text).naturalKey()).isEqualTo(text));
        if (thrown != null && !(thrown instanceof AssertionError)) {
            assertThat(thrown).isInstanceOf(DomainValidationException.class);
            assertThat(((DomainValidationException) thrown).field()).isIn("tradeId", "signature", "clientId", "instructionIndex");
            assertThat(thrown.getMessage()).hasSizeLessThan(MESSAGE_LIMIT);
        } else if (thrown != null) {
            throw (AssertionError) thrown;
        }
    }

    @Provide
    Arbitrary<String> tradeIdText() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> ContractFixtures.onChainTradeId().naturalKey()),
                Arbitraries.create(() -> ContractFixtures.paperTradeId().naturalKey()),
                Combinators.combine(Arbitraries.create(() -> ContractFixtures.signature().base58()), Arbitraries.of("0", "00", "01", "255", "256", "-1", "", "1e2", " 1"))
                        .as((signature, index) -> signature + ":" + index),
                HostileText.upTo(100).map(text -> "paper:" + text),
                HostileText.upTo(150));
    }

    /** An unknown enum name in a stored extension (its type, an account state) is refused naming the key. */
    @Property
    void unknownEnumNamesAreRefused(@ForAll("enumNames") String name) {
        Set<String> types = Arrays.stream(ExtensionType.values()).map(Enum::name).collect(Collectors.toSet());
        Map<String, String> fields = new HashMap<>(TokenExtensionCodec.toFields(new Pausable(Optional.empty(), true)));
        fields.put(TokenExtensionCodec.TYPE, name);
        if (!types.contains(name)) {
            assertRefused(TokenExtensionCodec.TYPE, () -> TokenExtensionCodec.fromFields(fields));
        }
        Set<String> states = Arrays.stream(AccountState.values()).map(Enum::name).collect(Collectors.toSet());
        Map<String, String> stateFields = new HashMap<>(TokenExtensionCodec.toFields(new DefaultAccountState(AccountState.FROZEN)));
        stateFields.put("state", name);
        if (!states.contains(name)) {
            assertRefused("state", () -> TokenExtensionCodec.fromFields(stateFields));
        }
    }

    @Provide
    Arbitrary<String> enumNames() {
        return Arbitraries.oneOf(HostileText.upTo(80), Arbitraries.of(ExtensionType.values()).map(type -> type.name().toLowerCase()),
                Arbitraries.of(ExtensionType.values()).map(type -> type.name() + " "), Arbitraries.of("", "UNKNOWN\0", "TRANSFER_FEE_CONFIG\n"));
    }

    /**
     * A stored extension's field map, mutated (a key dropped, a key added, a value replaced by hostile text or
     * null, a null key), decodes to an extension or is refused naming a key; never anything else.
     */
    @Property
    void malformedExtensionMapsAreRefusedNamingAKey(@ForAll("extensions") TokenExtension extension, @ForAll("mutations") Mutation mutation) {
        Map<String, String> fields = new HashMap<>(TokenExtensionCodec.toFields(extension));
        List<String> keys = new ArrayList<>(new TreeMap<>(fields).keySet());
        mutation.apply(fields, keys);
        Throwable thrown = catchThrowable(() -> TokenExtensionCodec.fromFields(fields));
        if (thrown == null) {
            return; // the mutation left a valid encoding (e.g. "true" replaced by "true")
        }
        assertRefusal(null, thrown);
        DomainValidationException refusal = (DomainValidationException) thrown;
        Set<String> named = new java.util.HashSet<>(fields.keySet());
        named.addAll(keys);
        named.add("fields");
        assertThat(named).as("the refusal names a key of the map: %s", refusal.getMessage()).contains(refusal.field());
    }

    @Provide
    Arbitrary<TokenExtension> extensions() {
        return Arbitraries.of(
                ContractFixtures.transferFee(),
                ContractFixtures.unknownExtension(),
                new MintCloseAuthority(Optional.of(ContractFixtures.pubkey())),
                new TransferHook(Optional.of(ContractFixtures.pubkey()), Optional.empty()),
                new InterestBearingConfig(Optional.empty(), 1_700_000_000L, -12, 1_700_000_100L, 250),
                new ScaledUiAmount(Optional.empty(), 1.5, 1_800_000_000L, 3.0),
                new TokenGroup(Optional.empty(), ContractFixtures.pubkey(), 3, 10),
                new DefaultAccountState(AccountState.FROZEN),
                new Pausable(Optional.of(ContractFixtures.pubkey()), false),
                new TokenMetadataExtension(Optional.empty(), ContractFixtures.pubkey(), "Name", "SYM", "https://x",
                        new java.util.LinkedHashMap<>(Map.of("k1", "v1", "k2", "v2"))));
    }

    /** One change to a field map; {@code keys} is its key list before the change, sorted. */
    interface Mutation {
        void apply(Map<String, String> fields, List<String> keys);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1_000);
        Arbitrary<String> value = Arbitraries.oneOf(HostileText.upTo(60), Arbitraries.of("", "-1", "18446744073709551616", "NaN", "1e999",
                "TRUE", "AAAA", "A===", "1".repeat(45), "9223372036854775808"));
        return Arbitraries.oneOf(
                index.map(i -> named("drop a key", (fields, keys) -> fields.remove(keys.get(i % keys.size())))),
                Combinators.combine(value, value).as((key, v) -> named("add " + key, (fields, keys) -> fields.put(key, v))),
                Combinators.combine(index, value).as((i, v) -> named("replace with " + v, (fields, keys) -> fields.put(keys.get(i % keys.size()), v))),
                index.map(i -> named("null value", (fields, keys) -> fields.put(keys.get(i % keys.size()), null))),
                Arbitraries.just(named("null key", (fields, keys) -> fields.put(null, "x"))));
    }

    private static Mutation named(String description, Mutation mutation) {
        return new Mutation() {
            @Override
            public void apply(Map<String, String> fields, List<String> keys) {
                mutation.apply(fields, keys);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    private static void assertRefused(String field, Supplier<?> build) {
        Throwable thrown = catchThrowable(build::get);
        assertThat(thrown).as("expected a refusal naming %s", field).isNotNull();
        assertRefusal(field, thrown);
    }

    private static void assertRefusal(String field, Throwable thrown) {
        assertThat(thrown).as("refusal").isInstanceOf(DomainValidationException.class);
        DomainValidationException refusal = (DomainValidationException) thrown;
        if (field != null) {
            assertThat(refusal.field()).as(refusal.getMessage()).isEqualTo(field);
        }
        assertThat(refusal.getMessage()).as("message").startsWith(refusal.field() + ": ").hasSizeLessThan(MESSAGE_LIMIT);
    }

    /** An independent base58 decoder, the oracle: empty when a character is outside the alphabet. */
    static Optional<byte[]> decodeBase58(String text) {
        if (text.isEmpty()) {
            return Optional.of(new byte[0]);
        }
        if (text.length() > 200) {
            return Optional.empty(); // far more than 64 bytes, or not base58
        }
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (char c : text.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) {
                return Optional.empty();
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - start];
        System.arraycopy(magnitude, start, out, zeros, magnitude.length - start);
        return Optional.of(out);
    }

    static String encodeBase58(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        StringBuilder out = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BigInteger.valueOf(58));
            out.append(BASE58.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }
}
