package io.soltrade.data.domain;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin-alphabet base58, as Solana uses it for public keys and signatures. */
final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEXES = new int[128];
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {}

    static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] divRem = value.divideAndRemainder(FIFTY_EIGHT);
            out.append(ALPHABET.charAt(divRem[1].intValue()));
            value = divRem[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    /**
     * Decodes {@code text} into exactly {@code length} bytes.
     *
     * @throws DomainValidationException naming {@code field} for a character outside the alphabet or a wrong length
     */
    static byte[] decode(String text, int length, String field) {
        Checks.notNull(text, field);
        if (text.isEmpty() || text.length() > 2 * length) {
            throw new DomainValidationException(field, "'" + Checks.printable(text) + "' is not base58 of " + length + " bytes (length " + text.length() + ")");
        }
        int zeros = 0;
        BigInteger value = BigInteger.ZERO;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new DomainValidationException(field, "'" + Checks.printable(text) + "' has character '" + Checks.printable(String.valueOf(c))
                        + "' at index " + i + ", which is not base58 (0, O, I and l are excluded)");
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            value = value.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int start = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int significant = magnitude.length - start;
        if (value.signum() == 0) {
            significant = 0;
        }
        if (zeros + significant != length) {
            throw new DomainValidationException(field, "'" + Checks.printable(text) + "' decodes to " + (zeros + significant) + " bytes, expected " + length);
        }
        byte[] out = new byte[length];
        System.arraycopy(magnitude, start, out, zeros, significant);
        return out;
    }
}
