package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds candles the same way on every store: {@link #of} from trades (what a store without a time-series engine
 * does), {@link #withEmptyIntervals} to lay traded candles on the full grid of a range (what every store does
 * after aggregating, so "filled" means the same everywhere).
 */
public final class CandleSeries {
    /** The order trades are folded in: time, then id, so open and close are the same on every store. */
    public static final Comparator<Trade> TRADE_ORDER = Comparator.comparing(Trade::executedAt)
            .thenComparing(trade -> trade.id().naturalKey());

    private CandleSeries() {}

    /** The candles of {@code trades} (already filtered to one token, quote and range) per interval, oldest first. */
    public static List<Candle> of(List<Trade> trades, CandleInterval interval) {
        Checks.notNull(trades, "trades");
        Checks.notNull(interval, "interval");
        List<Trade> ordered = new ArrayList<>(trades);
        ordered.sort(TRADE_ORDER);
        List<Candle> candles = new ArrayList<>();
        int i = 0;
        while (i < ordered.size()) {
            Instant start = interval.start(ordered.get(i).executedAt());
            BigDecimal open = ordered.get(i).price();
            BigDecimal high = open;
            BigDecimal low = open;
            BigDecimal close = open;
            BigInteger tokenVolume = BigInteger.ZERO;
            BigInteger quoteVolume = BigInteger.ZERO;
            BigDecimal notional = BigDecimal.ZERO;
            long count = 0;
            for (; i < ordered.size() && interval.start(ordered.get(i).executedAt()).equals(start); i++) {
                Trade trade = ordered.get(i);
                high = high.max(trade.price());
                low = low.min(trade.price());
                close = trade.price();
                BigInteger amount = trade.tokenAmount().toBigInteger();
                tokenVolume = tokenVolume.add(amount);
                quoteVolume = quoteVolume.add(trade.quoteAmount().toBigInteger());
                notional = notional.add(trade.price().multiply(new BigDecimal(amount)));
                count++;
            }
            candles.add(Candle.traded(start, open, high, low, close, tokenVolume, quoteVolume, notional, count));
        }
        return candles;
    }

    /**
     * {@code traded} (oldest first, each in {@code range}'s grid) as asked: unchanged for {@link EmptyIntervals#OMIT};
     * for {@link EmptyIntervals#FILL} every interval of {@code range} from the first one with a known previous close
     * on, each empty one carried at the close before it ({@code previousClose} is the last price before the range).
     */
    public static List<Candle> withEmptyIntervals(List<Candle> traded, CandleInterval interval, TimeRange range, EmptyIntervals empty,
            Optional<BigDecimal> previousClose) {
        Checks.notNull(traded, "traded");
        Checks.notNull(interval, "interval");
        Checks.notNull(range, "range");
        Checks.notNull(empty, "empty");
        Checks.notNull(previousClose, "previousClose");
        if (empty == EmptyIntervals.OMIT || range.from().equals(range.to())) {
            return List.copyOf(traded);
        }
        List<Candle> grid = new ArrayList<>();
        BigDecimal close = previousClose.orElse(null);
        int next = 0;
        for (Instant start = interval.start(range.from()); start.isBefore(range.to()); start = start.plus(interval.duration())) {
            if (next < traded.size() && traded.get(next).start().equals(start)) {
                Candle candle = traded.get(next++);
                grid.add(candle);
                close = candle.close();
            } else if (close != null) {
                grid.add(Candle.filled(start, close));
            }
        }
        return grid;
    }
}
