package io.soltrade.data.ports;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Argument checks every adapter runs before any I/O, so that bad input fails the same way on every backend:
 * a {@link PermanentDbException} of kind {@link DbErrorKind#INVALID_INPUT} naming the argument.
 */
public final class PortInput {
    /** The most rows one query may return, and the most items one batch may carry. */
    public static final int MAX_LIMIT = 10_000;
    public static final int MAX_BATCH = 100_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private PortInput() {}

    /** A consumer-group, consumer or channel name: 1 to 64 of A-Z a-z 0-9 _ . : -. */
    public static String name(String value, String argument, String backend) {
        notNull(value, argument, backend);
        if (!NAME.matcher(value).matches()) {
            throw DbException.invalidInput(backend, argument + " must be 1 to 64 of A-Z a-z 0-9 _ . : -", null);
        }
        return value;
    }

    public static <T> T notNull(T value, String argument, String backend) {
        if (value == null) {
            throw DbException.invalidInput(backend, argument + " is null", null);
        }
        return value;
    }

    public static int limit(int limit, String backend) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DbException.invalidInput(backend, "limit is " + limit + ", must be between 1 and " + MAX_LIMIT, null);
        }
        return limit;
    }

    /** A batch: not null, no null element, at most {@link #MAX_BATCH} items. An empty batch is valid and a no-op. */
    public static <T extends Collection<?>> T batch(T items, String argument, String backend) {
        notNull(items, argument, backend);
        if (items.size() > MAX_BATCH) {
            throw DbException.invalidInput(backend, argument + " has " + items.size() + " items, at most " + MAX_BATCH + " allowed", null);
        }
        for (Object item : items) {
            if (item == null) {
                throw DbException.invalidInput(backend, argument + " contains null", null);
            }
        }
        return items;
    }

    /**
     * The key of the USDC-priced position the older {@code PositionStore} methods name: each argument checked, and a
     * key the domain refuses (the token is USDC itself) reported as bad input.
     */
    public static PositionKey usdcPosition(TraderId trader, TradingMode mode, Pubkey token, String backend) {
        notNull(trader, "trader", backend);
        notNull(mode, "mode", backend);
        notNull(token, "token", backend);
        try {
            return new PositionKey(trader, mode, token, QuoteTokens.USDC);
        } catch (DomainValidationException e) {
            throw DbException.invalidInput(backend, e.getMessage(), e);
        }
    }
}
