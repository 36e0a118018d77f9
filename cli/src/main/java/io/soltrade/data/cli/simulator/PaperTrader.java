package io.soltrade.data.cli.simulator;

import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated trader's book: a position per token (the domain's average-cost P&amp;L), the order rules it has
 * open, and its MEV protection. The book follows every trade that was stored, whether or not its position
 * state was, so P&amp;L stays right when a position write fails. One desk thread owns a trader; others only read
 * its positions (for P&amp;L metrics).
 */
final class PaperTrader {
    private final TraderId id;
    private final MevProtection protection;
    private final Instant openedAt;
    private final Map<Pubkey, Position> positions = new ConcurrentHashMap<>();
    private final List<OrderRule> activeRules = new ArrayList<>();
    private final TradingCosts costs = new TradingCosts();

    PaperTrader(TraderId id, MevProtection protection, Instant openedAt) {
        this.id = id;
        this.protection = protection;
        this.openedAt = openedAt;
    }

    TraderId id() {
        return id;
    }

    MevProtection protection() {
        return protection;
    }

    Position position(Pubkey token) {
        return positions.computeIfAbsent(token, t -> Position.flat(id, TradingMode.PAPER, t, openedAt));
    }

    void update(Position position) {
        positions.put(position.token(), position);
    }

    List<Position> positions() {
        return List.copyOf(positions.values());
    }

    /** What this trader's stored trades cost beyond the prices quoted: the P&amp;L breakdown of the summary. */
    TradingCosts costs() {
        return costs;
    }

    List<OrderRule> activeRules() {
        return activeRules;
    }

    boolean hasActiveRule(Pubkey token) {
        return activeRules.stream().anyMatch(rule -> rule.token().equals(token));
    }

    /** Realized plus unrealized P&amp;L in USDC, each position marked to {@code marks} (tokens without a mark count realized only). */
    BigDecimal pnl(Map<Pubkey, BigDecimal> marks) {
        BigDecimal total = BigDecimal.ZERO;
        for (Position position : positions.values()) {
            BigDecimal mark = marks.get(position.token());
            total = total.add(mark == null ? position.realizedPnl() : position.totalPnl(mark));
        }
        return total;
    }
}
