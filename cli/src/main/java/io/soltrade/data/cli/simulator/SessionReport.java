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
 * The human end of a session: where it ran, whether it ran to its end, what was acknowledged, stream lengths, errors
 * with the first message of each kind, latencies (all in ms), each trader's P&amp;L as the session kept it with its
 * costs, then the candles and P&amp;L per day and week as the stores answer them.
 */
final class SessionReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int USDC_DECIMALS = 6;

    private SessionReport() {}

    static void print(PrintWriter out, String profile, String servers, PaperTradingSession session, SessionTally tally, SessionSummary summary) {
        double seconds = session.elapsedSeconds();
        out.printf("Paper-trading session %s: %.1f s, %s%n", session.sessionId(), seconds,
                session.interrupted() ? "interrupted (Ctrl-C or SIGTERM) before its plan was done" : "ran to the end of its plan");
        out.println("  profile       " + profile);
        out.println("  servers       " + servers);
        out.printf("  trades        %,d attempted (%,.0f/s, on the desks' signals; sells that order rules trigger come on top), "
                + "%,d acknowledged (stored; a failed save counts under errors)%n", session.tradesAttempted(), seconds > 0 ? session.tradesAttempted() / seconds : 0.0,
                summary.acknowledged().getOrDefault(Acknowledged.TRADES.key(), 0L));
        out.println("  acknowledged  " + join(summary.acknowledged()));
        out.println("  streams       " + join(summary.streams()) + " (each stream's total length at the end, earlier sessions included)");
        if (summary.errors().isEmpty()) {
            out.println("  errors        none");
        } else {
            Map<String, String> first = tally.firstMessages();
            summary.errors().forEach((kind, count) -> out.printf("  errors        %s %,d, first: %s%n", kind, count, first.getOrDefault(kind, "-")));
        }
        out.printf("  config        %d tokens, %d traders, %d order rules placed, %d triggered, %d cancelled, %d node-health records%n",
                tally.events("tokens"), tally.events("traders"), tally.events("rules_created"), tally.events("rules_triggered"),
                tally.events("rules_cancelled"), tally.events("node_health"));
        out.printf("  consumers     %,d trade events read and acknowledged by group sim-risk-%s; live feed: %,d published, %,d delivered%n",
                tally.events("consumed"), session.sessionId(), tally.events("feed_published"), tally.events("feed_delivered"));
        out.println("  latency       operation: calls, p50 / p99 / max in ms (retries included)");
        tally.latencies().forEach((operation, histogram) -> out.printf("                %-26s %,8d  %s / %s / %s%n", operation,
                histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue())));
        out.println("  P&L (USDC)    realized + unrealized at the last price; the market has no drift and the desks no edge, so P&L is about");
        out.println("                minus the costs: network fees, price impact (size against pool depth), Token-2022 transfer fees");
        for (PaperTrader trader : session.traders()) {
            BigDecimal realized = trader.positions().stream().map(Position::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fees = trader.positions().stream().map(Position::feesPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
            TradingCosts costs = trader.costs();
            out.printf("                %-22s total %12s  realized %12s  open positions %d%n", trader.id(),
                    usdc(trader.pnl(session.marks())), usdc(realized), trader.positions().stream().filter(p -> !p.isFlat()).count());
            out.printf("                %-22s costs: network fees %s, price impact %s, transfer fees %s; sandwich losses %s (MEV events, not in P&L)%n",
                    "", usdc(fees), usdc(BigDecimal.valueOf(costs.priceImpact())), usdc(BigDecimal.valueOf(costs.transferFees())),
                    usdc(BigDecimal.valueOf(costs.sandwichLoss())));
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

    /** A latency recorded in microseconds, in milliseconds: the one unit every latency is shown in. */
    static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.3f", micros / 1000.0);
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
