package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Checks;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The set-if-newer script compares version texts byte by byte: that must be the order of (slot, observation time). */
class CacheVersionProperties {

    @Property
    void textOrderIsVersionOrder(@ForAll @LongRange(min = 0) long slotA, @ForAll("instants") Instant atA,
            @ForAll @LongRange(min = 0) long slotB, @ForAll("instants") Instant atB) {
        int byVersion = slotA != slotB ? Long.compare(slotA, slotB) : atA.compareTo(atB);

        int byText = CacheVersion.of(slotA, atA).compareTo(CacheVersion.of(slotB, atB));

        assertThat(Integer.signum(byText)).isEqualTo(Integer.signum(byVersion));
    }

    @Property
    void versionReadsBackAndHasAFixedLength(@ForAll @LongRange(min = 0) long slot, @ForAll("instants") Instant at) {
        String text = CacheVersion.of(slot, at) + "|payload";

        assertThat(CacheVersion.slot(text)).isEqualTo(slot);
        assertThat(CacheVersion.observedAt(text)).isEqualTo(at);
        assertThat(CacheVersion.of(slot, at)).hasSize(CacheVersion.LENGTH);
    }

    @Provide
    Arbitrary<Instant> instants() {
        long max = CacheVersion.epochMicros(Checks.LATEST);
        return Arbitraries.longs().between(0, max).edgeCases(config -> config.add(0L, 1L, max))
                .map(micros -> Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000));
    }
}
