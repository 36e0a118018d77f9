package io.soltrade.data.cli.simulator;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.Position;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The human end of a session: what was acknowledged, stream lengths, errors, latencies, each trader's P&amp;L as the
 * session kept it, then the candles and P&amp;L per day and week as the stores answer them.
 */
final class SessionReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int USDC_DECIMALS = 6;

    private SessionReport() {}

    static void print(PrintWriter out, String profile, PaperTradingSession session, SessionTally tally, SessionSummary summary) {
        double seconds = session.elapsedSeconds();
        out.printf("Paper-trading session %s on profile %s: %.1f s, %,d trades attempted (%,.0f/s)%n", session.sessionId(), profile,
                seconds, session.tradesAttempted(), seconds > 0 ? session.tradesAttempted() / seconds : 0.0);
        out.println("  acknowledged  " + join(summary.acknowledged()));
        out.println("  streams       " + join(summary.streams()));
        out.println("  errors        " + (summary.errors().isEmpty() ? "none" : join(summary.errors())));
        out.printf("  config        %d tokens, %d traders, %d order rules placed, %d triggered, %d cancelled, %d node-health records%n",
                tally.events("tokens"), tally.events("traders"), tally.events("rules_created"), tally.events("rules_triggered"),
                tally.events("rules_cancelled"), tally.events("node_health"));
        out.printf("  consumers     %,d trade events read and acknowledged by group sim-risk-%s; live feed: %,d published, %,d delivered%n",
                tally.events("consumed"), session.sessionId(), tally.events("feed_published"), tally.events("feed_delivered"));
        out.println("  latency       operation: calls, p50 / p99 / max (retries included)");
        tally.latencies().forEach((operation, histogram) -> out.printf("                %-26s %,8d  %s / %s / %s%n", operation,
                histogram.getTotalCount(), micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(99)),
                micros(histogram.getMaxValue())));
        out.println("  P&L (USDC)    realized + unrealized at the last price, fees paid");
        for (PaperTrader trader : session.traders()) {
            BigDecimal realized = trader.positions().stream().map(Position::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fees = trader.positions().stream().map(Position::feesPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.printf("                %-22s total %12s  realized %12s  fees %9s  open positions %d%n", trader.id(),
                    usdc(trader.pnl(session.marks())), usdc(realized), usdc(fees),
                    trader.positions().stream().filter(p -> !p.isFlat()).count());
        }
        session.history().ifPresent(history -> printHistory(out, history));
        out.flush();
    }

    /** Candles and P&amp;L per period as the trade and position stores answer them. */
    private static void printHistory(PrintWriter out, SessionHistory history) {
        out.printf("  candles       %s per token in USDC, from the trade store: open / high / low / close, volume (token, USDC), VWAP, trades%n",
                history.interval().label());
        history.candles().forEach((token, result) -> {
            if (result.rows().isEmpty()) {
                out.printf("                %-5s unavailable (%s)%n", token.symbol(), result.failure());
                return;
            }
            for (Candle candle : result.rows().get()) {
                out.printf("                %-5s %s  %s / %s / %s / %s  vol %s %s, %s USDC  vwap %s  %,d%n", token.symbol(),
                        TIME.format(candle.start()), price(candle.open()), price(candle.high()), price(candle.low()), price(candle.close()),
                        units(candle.tokenVolume(), token.decimals()), token.symbol(), units(candle.quoteVolume(), USDC_DECIMALS),
                        candle.vwap().map(SessionReport::price).orElse("-"), candle.tradeCount());
            }
        });
        Map<io.soltrade.data.domain.Pubkey, String> symbols = new java.util.HashMap<>();
        history.candles().keySet().forEach(token -> symbols.put(token.mint(), token.symbol().value()));
        out.println("  P&L per day   from the position store: realized (net of fees) / fees / fills, per trader and token, USDC");
        history.daily().forEach((trader, result) -> printPeriods(out, trader.value(), result, symbols, DAY));
        out.println("  P&L per week  per ISO week (Monday 00:00 UTC), all of a trader's positions: realized / fees / fills, USDC");
        history.weekly().forEach((trader, result) -> {
            if (result.rows().isEmpty()) {
                out.printf("                %-22s unavailable (%s)%n", trader.value(), result.failure());
                return;
            }
            Map<java.time.Instant, List<PeriodPnl>> byWeek = new java.util.TreeMap<>();
            result.rows().get().forEach(row -> byWeek.computeIfAbsent(row.periodStart(), week -> new java.util.ArrayList<>()).add(row));
            byWeek.forEach((week, rows) -> out.printf("                %-22s %s  %d positions %12s / %9s / %,5d%n", trader.value(), DAY.format(week),
                    rows.size(), usdc(rows.stream().map(PeriodPnl::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add)),
                    usdc(rows.stream().map(PeriodPnl::fees).reduce(BigDecimal.ZERO, BigDecimal::add)),
                    rows.stream().mapToLong(PeriodPnl::fills).sum()));
        });
    }

    private static void printPeriods(PrintWriter out, String trader, SessionHistory.Result<List<PeriodPnl>> result,
            Map<io.soltrade.data.domain.Pubkey, String> symbols, DateTimeFormatter format) {
        if (result.rows().isEmpty()) {
            out.printf("                %-22s unavailable (%s)%n", trader, result.failure());
            return;
        }
        for (PeriodPnl row : result.rows().get()) {
            out.printf("                %-22s %s  %-5s %12s / %9s / %,5d%n", trader, format.format(row.periodStart()),
                    symbols.getOrDefault(row.token(), row.token().base58()), usdc(row.realizedPnl()), usdc(row.fees()), row.fills());
        }
    }

    private static String price(BigDecimal price) {
        return price.round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String units(java.math.BigInteger baseUnits, int decimals) {
        return new BigDecimal(baseUnits, decimals).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String micros(long micros) {
        return micros >= 10_000 ? String.format("%.1fms", micros / 1000.0) : micros + "µs";
    }

    private static String usdc(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String join(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((key, count) -> out.append(out.length() == 0 ? "" : ", ").append(key).append(' ').append(String.format("%,d", count)));
        return out.toString();
    }
}
