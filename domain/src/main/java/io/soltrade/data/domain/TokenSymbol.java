package io.soltrade.data.domain;

import java.nio.charset.StandardCharsets;

/**
 * A token's ticker as its metadata states it, e.g. {@code SOL}, {@code $WIF}, {@code 狗狗币} or a Token-2022 symbol
 * longer than a screen.
 *
 * <p>What on-chain metadata allows decides what is accepted. Metaplex Token Metadata caps a symbol at 10 bytes
 * ({@code MAX_SYMBOL_LENGTH}) and pads it with NULs, which readers strip; the Token-2022 metadata extension stores any
 * UTF-8 string with no length cap of its own (only the account size bounds it). So a symbol is any non-empty text
 * up to {@link #MAX_LENGTH} chars (the bound the domain applies to every on-chain metadata string,
 * {@code TokenMetadataExtension.MAX_TEXT_LENGTH}), with two exclusions that no store can keep: U+0000 (PostgreSQL
 * text cannot hold it) and an unpaired surrogate (not representable in UTF-8). Case, spaces and symbols such as
 * {@code $} are kept: {@code $WIF} and {@code $wif} are different symbols, as on chain.
 *
 * <p>Keys and channel names built from a symbol use {@link #percentEncoded()}, never the raw text.
 */
public record TokenSymbol(String value) implements Comparable<TokenSymbol> {
    public static final int MAX_LENGTH = 10_000;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public TokenSymbol {
        Checks.notNull(value, "symbol");
        if (value.isEmpty()) {
            throw new DomainValidationException("symbol", "is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DomainValidationException("symbol", "is " + value.length() + " characters long, at most " + MAX_LENGTH + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != 0 && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)) {
                continue; // nearly every character: neither check below applies, and this needs no method call
            }
            if (c == 0) {
                throw new DomainValidationException("symbol", "contains U+0000 at index " + i + " (strip the NUL padding of fixed-size metadata)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DomainValidationException("symbol", "has an unpaired surrogate at index " + i);
            }
        }
    }

    public static TokenSymbol of(String value) {
        return new TokenSymbol(value);
    }

    /**
     * The symbol as text safe in a Redis key, a pub/sub channel name or a URL path: the UTF-8 bytes, each byte other
     * than {@code A-Z a-z 0-9 _ . -} written as {@code %XX} (upper-case hex, RFC 3986 percent-encoding). A symbol made
     * of those characters only ({@code SOL}, {@code USDC}) is unchanged; {@code $WIF} is {@code %24WIF}. The encoding
     * is one-to-one, so two symbols never share a key, and the result never contains {@code :}, braces, glob
     * characters or spaces.
     */
    public String percentEncoded() {
        if (isPlain(value)) {
            return value; // most symbols: no UTF-8 copy, no builder (a key is built per cache read)
        }
        StringBuilder out = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (isPlain(b)) {
                if (out != null) {
                    out.append((char) b);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(bytes.length * 3);
                    for (int j = 0; j < i; j++) {
                        out.append((char) bytes[j]);
                    }
                }
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isPlain(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character (or UTF-8 byte) kept as it is: ASCII letters, digits, {@code _ . -}. */
    private static boolean isPlain(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    @Override
    public int compareTo(TokenSymbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
