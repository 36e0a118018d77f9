package io.soltrade.data.cli.simulator;

import io.soltrade.data.domain.Position;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The human end of a session: what was acknowledged, stream lengths, errors, latencies, and each trader's P&amp;L. */
final class SessionReport {

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
        out.flush();
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
