package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.Fill;
import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PnlQuery;
import io.soltrade.data.ports.PositionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code positions} keeps a 30-day TTL, and QuestDB drops a whole partition once the table's newest row (capped at
 * the wall clock) is more than 30 days past it. A position that has not moved for longer must still be the trader's
 * current position.
 */
class QuestDbRetentionIT {

    @Test
    void aPositionIdleForLongerThanTheTtlIsStillCurrentWhileItsHistoryAgesOut() {
        PositionStore positions = QuestDbFixture.instance(PositionStore.class);
        TraderId trader = TestRows.trader();
        Instant longAgo = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(90, ChronoUnit.DAYS).plusSeconds(3_600);
        PositionKey idleKey = PositionKey.inUsdc(trader, TradingMode.LIVE, TestRows.pubkey());
        Position idle = Position.flat(idleKey, longAgo)
                .apply(new Fill(TradeSide.BUY, new BigDecimal("3"), new BigDecimal("1.25"), new BigDecimal("0.1"), longAgo, QuoteTokens.USDC));
        positions.save(idle);
        Instant recent = TestRows.now();
        Position active = Position.flat(PositionKey.inUsdc(trader, TradingMode.LIVE, TestRows.pubkey()), recent)
                .apply(new Fill(TradeSide.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, recent, QuoteTokens.USDC));
        positions.save(active);
        TimeRange idleDay = TimeRange.of(PnlPeriod.DAY.start(longAgo), PnlPeriod.DAY.start(longAgo).plus(1, ChronoUnit.DAYS));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            positions.save(active); // newer rows keep committing, as a live system's do; TTL is applied on commit
            assertThat(positions.historyOf(idleKey, idleDay, 10)).as("the idle position's history aged out").isEmpty();
        });

        assertThat(positions.current(idleKey)).contains(idle);
        assertThat(positions.latestForTrader(trader, TradingMode.LIVE)).contains(idle, active);
        assertThat(positions.realizedPnl(new PnlQuery(trader, TradingMode.LIVE, PnlPeriod.DAY, idleDay)))
                .containsExactly(new PeriodPnl(idleDay.from(), idleKey.token(), QuoteTokens.USDC, new BigDecimal("-0.1"), new BigDecimal("0.1"), 1));
    }
}
