package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import java.util.Base64;

/**
 * Fixed-length binary values (ElGamal keys and ciphertexts) kept as canonical padded base64, so records stay
 * immutable values with a meaningful {@code equals} and two equal values always have equal text.
 */
final class FixedBytes {
    private FixedBytes() {}

    static String base64(String value, int length, String field) {
        Checks.notNull(value, field);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException(field, "is not base64: " + e.getMessage());
        }
        if (bytes.length != length) {
            throw new DomainValidationException(field, "decodes to " + bytes.length + " bytes, expected " + length);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(value)) {
            throw new DomainValidationException(field, "is not canonical padded base64");
        }
        return value;
    }

    static String encode(byte[] bytes, int length, String field) {
        Checks.notNull(bytes, field);
        if (bytes.length != length) {
            throw new DomainValidationException(field, "has " + bytes.length + " bytes, expected " + length);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
