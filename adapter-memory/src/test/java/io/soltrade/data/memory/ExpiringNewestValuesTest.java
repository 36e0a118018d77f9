package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiringNewestValuesTest {
    private final AdjustableClock clock = new AdjustableClock();
    private final ExpiringNewestValues<Integer, Long> values =
            new ExpiringNewestValues<>((candidate, cached) -> candidate > cached, clock, Duration.ofSeconds(1));

    @Test
    void expiredKeysThatAreNeverReadAgainAreSweptByLaterWrites() {
        for (int key = 0; key < 1_000; key++) {
            values.put(key, 1L);
        }
        clock.advancePast(Duration.ofSeconds(1));

        for (int write = 0; write < ExpiringNewestValues.SWEEP_EVERY; write++) {
            values.put(-1, (long) write);
        }

        assertThat(values.size()).isEqualTo(1);
    }
}
