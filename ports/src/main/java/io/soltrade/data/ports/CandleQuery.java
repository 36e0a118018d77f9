package io.soltrade.data.ports;

import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.EmptyIntervals;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;

/**
 * The OHLCV candles of {@code token} priced in {@code quote}, from the trades executed in {@code range} that reach
 * {@code minimumCommitment} (failed trades never count), one per {@code interval}, oldest first; intervals without
 * trades omitted or filled as {@code emptyIntervals} says. A range may touch at most 10,000 intervals.
 */
public record CandleQuery(Pubkey token, Pubkey quote, CandleInterval interval, TimeRange range, EmptyIntervals emptyIntervals,
        Commitment minimumCommitment) {

    public CandleQuery {
        Checks.notNull(token, "token");
        Checks.notNull(quote, "quote");
        Checks.notNull(interval, "interval");
        Checks.notNull(range, "range");
        Checks.notNull(emptyIntervals, "emptyIntervals");
        Checks.notNull(minimumCommitment, "minimumCommitment");
        if (minimumCommitment == Commitment.FAILED) {
            throw new DomainValidationException("minimumCommitment", "is FAILED: failed trades never make candles");
        }
        long intervals = interval.count(range);
        if (intervals > PortInput.MAX_LIMIT) {
            throw new DomainValidationException("range", "touches " + intervals + " intervals of " + interval.label() + ", at most " + PortInput.MAX_LIMIT);
        }
    }

    /** Candles of every trade that was not failed, empty intervals omitted. */
    public static CandleQuery of(Pubkey token, Pubkey quote, CandleInterval interval, TimeRange range) {
        return new CandleQuery(token, quote, interval, range, EmptyIntervals.OMIT, Commitment.PROCESSED);
    }

    public CandleQuery withEmptyIntervals(EmptyIntervals empty) {
        return new CandleQuery(token, quote, interval, range, empty, minimumCommitment);
    }

    public CandleQuery withMinimumCommitment(Commitment minimum) {
        return new CandleQuery(token, quote, interval, range, emptyIntervals, minimum);
    }
}
