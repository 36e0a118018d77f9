package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * One OHLCV candle of a token in one quote token: the prices of the first, highest, lowest and last trade in the
 * interval starting at {@code start}, the volumes in base units of both tokens (sums of u64 amounts, so they may
 * exceed a u64), the volume-weighted average price and the number of trades.
 *
 * <p>An interval without trades, when the caller asked for empty intervals to be filled, is a candle with
 * {@code tradeCount == 0}: open, high, low and close all equal the previous close, volumes are zero and there is
 * no VWAP ({@link #filled}).
 *
 * @param vwap {@code sum(price * tokenAmount) / sum(tokenAmount)}, rounded half-even to 18 decimals; empty iff no trade
 */
public record Candle(
        Instant start,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigInteger tokenVolume,
        BigInteger quoteVolume,
        Optional<BigDecimal> vwap,
        long tradeCount) {

    public Candle {
        start = Checks.timestamp(start, "start");
        open = ExactDecimal.positive(open, "open");
        high = ExactDecimal.positive(high, "high");
        low = ExactDecimal.positive(low, "low");
        close = ExactDecimal.positive(close, "close");
        Checks.notNull(tokenVolume, "tokenVolume");
        Checks.notNull(quoteVolume, "quoteVolume");
        Checks.notNull(vwap, "vwap");
        Checks.nonNegative(tradeCount, "tradeCount");
        if (tokenVolume.signum() < 0 || quoteVolume.signum() < 0) {
            throw new DomainValidationException(tokenVolume.signum() < 0 ? "tokenVolume" : "quoteVolume", "is negative");
        }
        if (high.compareTo(open.max(close).max(low)) < 0) {
            throw new DomainValidationException("high", high.toPlainString() + " is below open, close or low");
        }
        if (low.compareTo(open.min(close)) > 0) {
            throw new DomainValidationException("low", low.toPlainString() + " is above open or close");
        }
        vwap = vwap.map(value -> ExactDecimal.positive(value, "vwap"));
        if ((tradeCount == 0) != vwap.isEmpty()) {
            throw new DomainValidationException("vwap", "must be present exactly when the candle has trades (tradeCount " + tradeCount + ")");
        }
        if (tradeCount == 0 && (tokenVolume.signum() != 0 || quoteVolume.signum() != 0 || high.compareTo(low) != 0)) {
            throw new DomainValidationException("tradeCount", "is 0 but the candle has volume or a price range");
        }
    }

    /**
     * A candle of traded intervals from the exact sums a store computed: {@code notional} is
     * {@code sum(price * tokenAmount)}, from which the VWAP is derived the same way on every store.
     */
    public static Candle traded(Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigInteger tokenVolume,
            BigInteger quoteVolume, BigDecimal notional, long tradeCount) {
        Checks.notNull(notional, "notional");
        Checks.notNull(tokenVolume, "tokenVolume");
        if (tradeCount <= 0 || tokenVolume.signum() <= 0) {
            throw new DomainValidationException("tradeCount", "a traded candle needs trades and volume, got " + tradeCount + " trades");
        }
        BigDecimal vwap = notional.divide(new BigDecimal(tokenVolume), ExactDecimal.SCALE, RoundingMode.HALF_EVEN);
        return new Candle(start, open, high, low, close, tokenVolume, quoteVolume, Optional.of(vwap), tradeCount);
    }

    /** An interval without trades, carried at the previous close. */
    public static Candle filled(Instant start, BigDecimal previousClose) {
        return new Candle(start, previousClose, previousClose, previousClose, previousClose, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), 0);
    }
}
