package io.soltrade.data.cli.simulator;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.Pubkey;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the trading desks of one session share, all of it thread-safe: the data layer, the tally, the clock, the
 * market (read-only outside price ticks), the latest price per mint, and the id counters.
 */
record TradingFloor(
        DataLayer data,
        SessionTally tally,
        SessionClock clock,
        SimulatedMarket market,
        Map<Pubkey, BigDecimal> marks,
        String sessionId,
        AtomicLong tradeIds,
        AtomicLong ruleIds) {
    static final Actor ACTOR = Actor.of("simulator");

    SimulatedToken token(Pubkey mint) {
        return market.tokens().stream().filter(t -> t.mint().equals(mint)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a session token: " + mint));
    }

    SimulatedToken sol() {
        return market.tokens().get(0);
    }
}
