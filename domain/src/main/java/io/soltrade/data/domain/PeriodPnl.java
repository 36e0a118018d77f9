package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one position realized in one period: the change of its realized P&amp;L (net of fees, as
 * {@link Position#realizedPnl()} is), of its fees and of its fill count between the last state before the period
 * and the last state in it. Amounts are in units of {@code quote}; only positions with a state in the period have
 * a row.
 */
public record PeriodPnl(Instant periodStart, Pubkey token, Pubkey quote, BigDecimal realizedPnl, BigDecimal fees, long fills) {
    /** Rows ordered as every store returns them: period, then token, then quote. */
    public static final Comparator<PeriodPnl> ORDER = Comparator.comparing(PeriodPnl::periodStart)
            .thenComparing(PeriodPnl::token).thenComparing(PeriodPnl::quote);

    public PeriodPnl {
        periodStart = Checks.timestamp(periodStart, "periodStart");
        Checks.notNull(token, "token");
        Checks.notNull(quote, "quote");
        realizedPnl = ExactDecimal.of(realizedPnl, "realizedPnl");
        fees = ExactDecimal.nonNegative(fees, "fees");
        Checks.nonNegative(fills, "fills");
    }

    /**
     * The rows of one trader's positions for every period of {@code range} (aligned to {@code period}), from each
     * position's last state before the range ({@code before}, absent for a position opened in the range) and its
     * states in the range: all of them, or only the last one of each day, which gives the same answer. States of
     * several positions may be mixed; each is matched to its own by {@link Position#key()}.
     */
    public static List<PeriodPnl> of(PnlPeriod period, TimeRange range, Map<PositionKey, Position> before, List<Position> inRange) {
        Checks.notNull(period, "period");
        Checks.notNull(range, "range");
        Checks.notNull(before, "before");
        Checks.notNull(inRange, "inRange");
        Map<PositionKey, NavigableMap<Instant, Position>> states = new HashMap<>();
        for (Position state : inRange) {
            if (range.contains(state.updatedAt())) {
                states.computeIfAbsent(state.key(), key -> new TreeMap<>()).merge(state.updatedAt(), state, (a, b) -> b);
            }
        }
        List<PeriodPnl> rows = new ArrayList<>();
        states.forEach((key, byTime) -> {
            Optional<Position> previous = Optional.ofNullable(before.get(key));
            for (Instant start = period.start(byTime.firstKey()); start.isBefore(range.to()); start = period.next(start)) {
                Map.Entry<Instant, Position> last = byTime.lowerEntry(period.next(start));
                if (last == null || last.getKey().isBefore(start)) {
                    continue;
                }
                Position end = last.getValue();
                BigDecimal realized = end.realizedPnl().subtract(previous.map(Position::realizedPnl).orElse(BigDecimal.ZERO));
                BigDecimal fees = end.feesPaid().subtract(previous.map(Position::feesPaid).orElse(BigDecimal.ZERO));
                long fills = end.fillCount() - previous.map(Position::fillCount).orElse(0L);
                // fees and fills only grow through Position.apply; a state saved by hand (a reset) may go back, and a
                // period then reports none rather than a negative count
                rows.add(new PeriodPnl(start, key.token(), key.quote(), ExactDecimal.rounded(realized, "realizedPnl"),
                        ExactDecimal.rounded(fees.max(BigDecimal.ZERO), "fees"), Math.max(0, fills)));
                previous = Optional.of(end);
            }
        });
        rows.sort(ORDER);
        return rows;
    }
}
