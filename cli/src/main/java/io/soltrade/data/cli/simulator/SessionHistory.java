package io.soltrade.data.cli.simulator;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PnlQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the stores say about a finished session, read back through the queries a bot asks: each token's candles
 * against USDC over the session (from the trade store) and each trader's realized P&amp;L, fees and fills per UTC day
 * and ISO week (from the position store). A query that fails leaves its entry empty with the failure's kind; these
 * reads are the report's, so they count in neither the tally nor the summary.
 *
 * @param interval the shortest interval that cuts the session into at most {@value #MAX_CANDLES} candles
 */
record SessionHistory(TimeRange range, CandleInterval interval, Map<SimulatedToken, Result<List<Candle>>> candles,
        Map<TraderId, Result<List<PeriodPnl>>> daily, Map<TraderId, Result<List<PeriodPnl>>> weekly) {
    static final int MAX_CANDLES = 10;

    /** A query's rows, or the kind of the {@link DbException} it failed with. */
    record Result<T>(Optional<T> rows, String failure) {
        static <T> Result<T> of(Supplier<T> query) {
            try {
                return new Result<>(Optional.of(query.get()), "");
            } catch (DbException e) {
                return new Result<>(Optional.empty(), e.kind().name());
            }
        }
    }

    static SessionHistory read(DataLayer data, List<SimulatedToken> tokens, List<TraderId> traders, Instant from, Instant to) {
        TimeRange range = TimeRange.of(from, to);
        CandleInterval interval = CandleInterval.DAY_1;
        for (CandleInterval candidate : CandleInterval.values()) {
            if (candidate.count(range) <= MAX_CANDLES) {
                interval = candidate;
                break;
            }
        }
        Map<SimulatedToken, Result<List<Candle>>> candles = new LinkedHashMap<>();
        for (SimulatedToken token : tokens) {
            CandleQuery query = CandleQuery.of(token.mint(), QuoteTokens.USDC, interval, range);
            candles.put(token, Result.of(() -> data.trades().candles(query)));
        }
        Map<TraderId, Result<List<PeriodPnl>>> daily = new LinkedHashMap<>();
        Map<TraderId, Result<List<PeriodPnl>>> weekly = new LinkedHashMap<>();
        for (TraderId trader : traders) {
            daily.put(trader, Result.of(() -> data.positions().realizedPnl(new PnlQuery(trader, TradingMode.PAPER, PnlPeriod.DAY, periods(PnlPeriod.DAY, from, to)))));
            weekly.put(trader, Result.of(() -> data.positions().realizedPnl(new PnlQuery(trader, TradingMode.PAPER, PnlPeriod.WEEK, periods(PnlPeriod.WEEK, from, to)))));
        }
        return new SessionHistory(range, interval, candles, daily, weekly);
    }

    /** The whole periods that hold {@code from} .. {@code to}. */
    private static TimeRange periods(PnlPeriod period, Instant from, Instant to) {
        return TimeRange.of(period.start(from), period.next(period.start(to)));
    }
}
