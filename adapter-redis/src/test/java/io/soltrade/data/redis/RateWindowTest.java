package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void tenHertzIsTenEventsInAnySecond() {
        RateWindow window = RateWindow.forRate(10);
        for (int i = 0; i < 10; i++) {
            assertThat(window.waitNanos(i * 100 * MS)).isZero();
            window.record(i * 100 * MS);
        }
        assertThat(window.waitNanos(999 * MS)).isEqualTo(MS);
        assertThat(window.waitNanos(1_000 * MS)).isZero();
    }

    @Test
    void aWindowIsQuietOnceItsNewestEventIsAWholeWindowOld() {
        RateWindow window = RateWindow.forRate(10);
        assertThat(window.isQuiet(0)).isTrue();
        window.record(0);
        window.record(300 * MS);
        assertThat(window.isQuiet(1_299 * MS)).isFalse();
        assertThat(window.isQuiet(1_300 * MS)).isTrue();
    }

    @Test
    void aLateTickIsNotFollowedByABurst() {
        RateWindow window = RateWindow.forRate(10);
        List<Long> sent = new ArrayList<>();
        // Ticks every 100 ms, but the fourth ran 90 ms late and the ones after it on time: sends go when they fit.
        long[] ticks = {0, 100, 200, 390, 400, 500, 600, 700, 800, 900, 1_000, 1_100, 1_200, 1_300, 1_400};
        for (long tick : ticks) {
            long now = tick * MS;
            long wait = window.waitNanos(now);
            window.record(now + wait);
            sent.add(now + wait);
        }
        for (int i = 10; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 10)).as("10 sends before send %d", i).isGreaterThanOrEqualTo(1_000 * MS);
        }
    }

    @Test
    void fractionalRatesKeepTheirAverage() {
        RateWindow window = RateWindow.forRate(2.5);
        window.record(0);
        window.record(MS);
        assertThat(window.waitNanos(2 * MS)).isEqualTo(798 * MS);
    }

    @Test
    void recordingIntoAFullWindowIsABug() {
        RateWindow window = new RateWindow(1, 100 * MS);
        window.record(0);
        assertThatThrownBy(() -> window.record(MS)).isInstanceOf(IllegalStateException.class);
    }
}
