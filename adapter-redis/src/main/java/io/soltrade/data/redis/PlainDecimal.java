package io.soltrade.data.redis;

import java.math.BigDecimal;

/**
 * Reads the decimals the codecs write ({@link BigDecimal#toPlainString()} of a price: {@code 150.000123}) without
 * {@link BigDecimal#BigDecimal(String)}, whose general parser was about a sixth of building a live-feed price on the
 * subscriber (cold, at 10 Hz). Text of digits with at most one point between two digits, at most 18 digits in all
 * (so the unscaled value fits a long), is read directly as {@code BigDecimal.valueOf(unscaled, scale)}: the same
 * unscaled value and scale the constructor gives, so an equal value. Anything else (a sign, an exponent, a leading or
 * trailing point, more digits, not a number) goes to the constructor, so its result and its errors are the
 * constructor's ({@code PlainDecimalProperties}).
 */
final class PlainDecimal {
    private static final int MAX_DIGITS = 18;

    private PlainDecimal() {}

    static BigDecimal parse(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_DIGITS + 1) {
            return new BigDecimal(text);
        }
        long unscaled = 0;
        int point = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
            } else if (c == '.' && point < 0 && i > 0 && i < length - 1) {
                point = i;
            } else {
                return new BigDecimal(text);
            }
        }
        if (point < 0 && length > MAX_DIGITS) {
            return new BigDecimal(text); // 19 digits may not fit a long
        }
        return BigDecimal.valueOf(unscaled, point < 0 ? 0 : length - 1 - point);
    }
}
