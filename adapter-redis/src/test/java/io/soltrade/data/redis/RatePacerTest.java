package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RatePacerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * The reason the pacer tolerates a quarter period: a strict 10-in-any-second window made such a publisher wait
     * whenever its call came earlier than the one ten back (about every second message). Fails with no tolerance.
     */
    @Test
    void aPublisherAtTheRateWhoseCallsJitterByLessThanAQuarterPeriodNeverWaits() {
        RatePacer pacer = RatePacer.forRate(10);
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 1_000; i++) {
            long call = i * 100 * MS + random.nextInt(24_000) * 1_000L;
            assertThat(pacer.waitNanos(call, false)).as("call %d at %d ns", i, call).isZero();
            pacer.record(call);
        }
    }

    @Test
    void strictSendsAreAWholePeriodApart() {
        RatePacer pacer = RatePacer.forRate(10);
        pacer.record(0);
        assertThat(pacer.waitNanos(1 * MS, true)).isEqualTo(99 * MS);
        assertThat(pacer.waitNanos(100 * MS, true)).isZero();
        assertThat(pacer.waitNanos(1 * MS, false)).isEqualTo(74 * MS);
    }

    @Test
    void theEarlyQuarterIsNotCumulative() {
        RatePacer pacer = RatePacer.forRate(10);
        pacer.record(0);
        pacer.record(75 * MS); // a quarter period early
        assertThat(pacer.waitNanos(150 * MS, false)).as("due at 200, so not before 175").isEqualTo(25 * MS);
    }

    @Test
    void aLateSendIsNotFollowedByABurst() {
        RatePacer pacer = RatePacer.forRate(10);
        List<Long> sent = new ArrayList<>();
        // Attempts every 100 ms, but the fourth ran 190 ms late and the ones after it on time: sends go when they may.
        long[] attempts = {0, 100, 200, 490, 400, 500, 600, 700, 800, 900, 1_000, 1_100, 1_200, 1_300, 1_400};
        long now = 0;
        for (long attempt : attempts) {
            now = Math.max(now, attempt * MS);
            now += pacer.waitNanos(now, false);
            pacer.record(now);
            sent.add(now);
        }
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 1)).as("send %d after its predecessor", i).isGreaterThanOrEqualTo(75 * MS);
        }
        for (int i = 10; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 10)).as("10 sends before send %d", i).isGreaterThanOrEqualTo(975 * MS);
        }
    }

    /** Whatever the calls, tolerant sends keep the rate: n + 1 of them span at least n periods less a quarter. */
    @Property
    void tolerantSendsNeverBeatTheRate(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 300) Integer> gapsMillis,
            @ForAll boolean strictToo) {
        RatePacer pacer = RatePacer.forRate(10);
        List<Long> sent = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < gapsMillis.size(); i++) {
            now += gapsMillis.get(i) * MS;
            boolean strict = strictToo && i % 3 == 0;
            now += pacer.waitNanos(now, strict);
            pacer.record(now);
            sent.add(now);
        }
        for (int i = 0; i < sent.size(); i++) {
            for (int j = i + 1; j < sent.size(); j++) {
                if (sent.get(j) - sent.get(i) < (j - i) * 100 * MS - 25 * MS) {
                    throw new AssertionError("sends " + i + " and " + j + " of " + sent + " are too close");
                }
            }
        }
    }

    /** Strict sends only (a busy channel): at most 10 in any second. */
    @Property
    void strictSendsAreAtMostTheRateInAnySecond(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 300) Integer> gapsMillis) {
        RatePacer pacer = RatePacer.forRate(10);
        List<Long> sent = new ArrayList<>();
        long now = 0;
        for (int gap : gapsMillis) {
            now += gap * MS;
            now += pacer.waitNanos(now, true);
            pacer.record(now);
            sent.add(now);
        }
        for (int i = 10; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 10)).isGreaterThanOrEqualTo(1_000 * MS);
        }
    }

    @Test
    void fractionalRatesKeepTheirPeriod() {
        RatePacer pacer = RatePacer.forRate(2.5);
        pacer.record(0);
        assertThat(pacer.waitNanos(2 * MS, true)).isEqualTo(398 * MS);
        assertThat(pacer.waitNanos(2 * MS, false)).isEqualTo(298 * MS);
    }

    @Test
    void aPacerIsQuietOnceItsNextSendIsDue() {
        RatePacer pacer = RatePacer.forRate(10);
        assertThat(pacer.isQuiet(0)).isTrue();
        pacer.record(0);
        assertThat(pacer.isQuiet(99 * MS)).isFalse();
        assertThat(pacer.isQuiet(100 * MS)).isTrue();
    }

    @Test
    void recordingASendThatIsNotDueIsABug() {
        RatePacer pacer = new RatePacer(100 * MS, 0);
        pacer.record(0);
        assertThatThrownBy(() -> pacer.record(MS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RatePacer(100 * MS, 100 * MS)).isInstanceOf(IllegalArgumentException.class);
    }
}
