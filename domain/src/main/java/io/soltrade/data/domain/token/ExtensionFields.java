package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a flat field map for {@link TokenExtensionCodec}. Every failure is a
 * {@link DomainValidationException} naming the map key; {@link #finish()} rejects keys nobody read, so a typo
 * or a field of another type cannot be dropped silently.
 */
final class ExtensionFields {
    private static final Pattern SIGNED_INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");

    private final Map<String, String> fields;
    private final Set<String> read = new HashSet<>();

    ExtensionFields(Map<String, String> fields) {
        this.fields = fields;
    }

    String text(String key) {
        read.add(key);
        String value = fields.get(key);
        if (value == null) {
            throw new DomainValidationException(key, fields.containsKey(key) ? "is null" : "is missing");
        }
        return value;
    }

    Optional<String> optionalText(String key) {
        read.add(key);
        if (!fields.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(text(key));
    }

    Pubkey pubkey(String key) {
        return parse(key, text(key), Pubkey::of);
    }

    Optional<Pubkey> optionalPubkey(String key) {
        return optionalText(key).map(value -> parse(key, value, Pubkey::of));
    }

    TokenAmount amount(String key) {
        return parse(key, text(key), TokenAmount::parse);
    }

    /** A u64 held in a long read as unsigned. */
    long u64(String key) {
        return amount(key).unsignedBits();
    }

    long i64(String key) {
        String value = text(key);
        if (SIGNED_INTEGER.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException outOfRange) {
                // reported below
            }
        }
        throw new DomainValidationException(key, "'" + shorten(value) + "' is not a signed 64-bit integer");
    }

    int integer(String key) {
        long value = i64(key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new DomainValidationException(key, value + " is outside the int range");
        }
        return (int) value;
    }

    boolean bool(String key) {
        String value = text(key);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DomainValidationException(key, "'" + shorten(value) + "' is neither true nor false");
        };
    }

    double f64(String key) {
        String value = text(key);
        if (!DECIMAL_NUMBER.matcher(value).matches()) {
            throw new DomainValidationException(key, "'" + shorten(value) + "' is not a decimal number");
        }
        return Double.parseDouble(value);
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String value = text(key);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException(key, "'" + shorten(value) + "' is not a " + type.getSimpleName());
        }
    }

    <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (DomainValidationException e) {
            throw new DomainValidationException(key, e.getMessage());
        }
    }

    /** Rejects any key that was present but not read. */
    void finish() {
        for (String key : fields.keySet()) {
            if (key == null) {
                throw new DomainValidationException("fields", "has a null key");
            }
            if (!read.contains(key)) {
                throw new DomainValidationException(key, "is not a field of " + fields.get(TokenExtensionCodec.TYPE));
            }
        }
    }

    private static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
