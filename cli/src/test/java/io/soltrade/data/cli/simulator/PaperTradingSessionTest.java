package io.soltrade.data.cli.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How the session paces itself, and its progress line. */
class PaperTradingSessionTest {

    /**
     * A slow session (10 trades/s, 10 price ticks/s, 4 traders, 2 s) has about 2 x (10 trade slots + 20 rule checks
     * per desk... ) of work a second: its threads sleep until the next thing is due. Sleeping in 1 ms and 5 ms slices
     * (the main thread, five lanes and four desks) would wake them about 2,800 times a second.
     */
    @Test
    void anIdleSessionSleepsUntilTheNextThingIsDue() {
        PaperTradingSession.Plan plan = new PaperTradingSession.Plan(Optional.of(Duration.ofSeconds(2)), OptionalLong.empty(), 10, 10, 4, 42);
        try (DataLayer data = DataLayer.create(DataLayerConfig.inMemory())) {
            PaperTradingSession session = new PaperTradingSession(data, plan, Clock.systemUTC());

            session.run(() -> false, Optional.empty(), false);

            double perSecond = session.wakeUps() / session.elapsedSeconds();
            // desks: 4 x 20 rule checks/s at most; lanes: 10 + 1 + 0.5 + 4 + 0.2; the main thread: 10 stop polls
            assertThat(perSecond).as("wake-ups per second (%d in %.1f s)", session.wakeUps(), session.elapsedSeconds()).isLessThan(130);
            assertThat(session.tradesAttempted()).isBetween(15L, 21L);
        }
    }

    @Test
    void theProgressLineFitsEightyColumns() {
        PaperTradingSession.Plan plan = new PaperTradingSession.Plan(Optional.empty(), OptionalLong.of(1), 1, 1, 1, 1);
        try (DataLayer data = DataLayer.create(DataLayerConfig.inMemory())) {
            SessionTally tally = new SessionTally();
            tally.acknowledge(Acknowledged.TRADES, 123_456_789_012L);
            PaperTradingSession session = new PaperTradingSession(data, plan, tally, Clock.systemUTC());
            try (ProgressLine progress = new ProgressLine(new PrintWriter(new StringWriter()), tally, session, false)) {
                String line = progress.line();

                assertThat(line.length()).as(line).isLessThan(80);
                assertThat(line).startsWith("[   0.0s] 0 trades 0/s | acked 123,456,789,012 | p99 save - ms | errors 0");
            }
        }
    }
}
