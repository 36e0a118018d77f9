package io.soltrade.data.ports;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.util.Optional;

/**
 * One page of a trader's trades, newest first ({@link TradeCursor} says the exact order): of one mode or both, of at
 * least a commitment or any (failed ones included), after a cursor or from the newest, at most {@code limit}
 * (1..10,000). Build it with {@link #of} and the {@code with...} methods.
 */
public record TradeQuery(TraderId trader, Optional<TradingMode> mode, Optional<Commitment> minimumCommitment, Optional<TradeCursor> after,
        int limit) {

    public TradeQuery {
        Checks.notNull(trader, "trader");
        Checks.notNull(mode, "mode");
        Checks.notNull(minimumCommitment, "minimumCommitment");
        Checks.notNull(after, "after");
        Checks.inRange(limit, "limit", 1, PortInput.MAX_LIMIT);
        if (minimumCommitment.filter(level -> level == Commitment.FAILED).isPresent()) {
            throw new DomainValidationException("minimumCommitment", "is FAILED, which is not a level a trade reaches: ask for PROCESSED or higher");
        }
    }

    /** The newest {@code limit} trades of {@code trader}, any mode, any commitment. */
    public static TradeQuery of(TraderId trader, int limit) {
        return new TradeQuery(trader, Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public TradeQuery withMode(TradingMode only) {
        return new TradeQuery(trader, Optional.of(Checks.notNull(only, "mode")), minimumCommitment, after, limit);
    }

    public TradeQuery withMinimumCommitment(Commitment minimum) {
        return new TradeQuery(trader, mode, Optional.of(Checks.notNull(minimum, "minimumCommitment")), after, limit);
    }

    /** The page after {@code cursor} (a {@link TradePage#next()}). */
    public TradeQuery withAfter(TradeCursor cursor) {
        return new TradeQuery(trader, mode, minimumCommitment, Optional.of(Checks.notNull(cursor, "after")), limit);
    }
}
