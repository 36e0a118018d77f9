package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class OrderRuleTest {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    @Property
    void stopLossFiresAtOrBelowItsPrice(@ForAll("prices") BigDecimal stop, @ForAll("prices") BigDecimal price) {
        StopLoss rule = new StopLoss(stop);
        assertThat(rule.firesAt(price)).isEqualTo(price.compareTo(stop) <= 0);
        assertThat(rule.firesAt(stop)).isTrue();
        assertThat(rule.observe(price)).isEqualTo(rule);
    }

    @Property
    void takeProfitFiresAtOrAboveItsPrice(@ForAll("prices") BigDecimal target, @ForAll("prices") BigDecimal price) {
        TakeProfit rule = new TakeProfit(target);
        assertThat(rule.firesAt(price)).isEqualTo(price.compareTo(target) >= 0);
        assertThat(rule.firesAt(target)).isTrue();
        assertThat(rule.observe(price)).isEqualTo(rule);
    }

    /** After any price path, the stop sits trailBps below the highest price seen, and only ever rises. */
    @Property
    void trailingStopFollowsTheHighestPriceSeen(@ForAll @IntRange(min = 1, max = 9_999) int trailBps, @ForAll("prices") BigDecimal start,
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("prices") BigDecimal> path, @ForAll("prices") BigDecimal probe) {
        TrailingStop stop = new TrailingStop(trailBps, start);
        BigDecimal highest = start;
        for (BigDecimal price : path) {
            TrailingStop next = stop.observe(price);
            assertThat(next.highWaterMark()).isGreaterThanOrEqualTo(stop.highWaterMark());
            assertThat(next.stopPrice()).isGreaterThanOrEqualTo(stop.stopPrice());
            stop = next;
            highest = highest.max(price);
        }
        assertThat(stop.highWaterMark()).isEqualByComparingTo(highest);
        // Exact: probe * 10^4 <= highest * (10^4 - bps), no rounding involved.
        boolean expected = probe.multiply(BPS).compareTo(highest.multiply(BPS.subtract(BigDecimal.valueOf(trailBps)))) <= 0;
        assertThat(stop.firesAt(probe)).isEqualTo(expected);
    }

    @Example
    void trailingStopWorkedThrough() {
        TrailingStop stop = new TrailingStop(500, new BigDecimal("100"));
        assertThat(stop.stopPrice()).isEqualByComparingTo("95");
        assertThat(stop.firesAt(new BigDecimal("95.01"))).isFalse();
        stop = stop.observe(new BigDecimal("120")).observe(new BigDecimal("110"));
        assertThat(stop.stopPrice()).isEqualByComparingTo("114");
        assertThat(stop.firesAt(new BigDecimal("114"))).isTrue();
        assertThat(stop.firesAt(new BigDecimal("114.000001"))).isFalse();
    }

    @Property
    void aRuleTriggersAtMostOnce(@ForAll("prices") BigDecimal price) {
        OrderRule rule = OrderRule.active(UUID.randomUUID(), Samples.TRADER, Samples.KEY_A, new TakeProfit(BigDecimal.ONE), TokenAmount.of(5), Samples.AT);
        OrderRule observed = rule.observe(price);
        assertThat(observed.firesAt(price)).isEqualTo(price.compareTo(BigDecimal.ONE) >= 0);
        OrderRule triggered = observed.triggered(Samples.AT.plusSeconds(1));
        assertThat(triggered.status()).isEqualTo(OrderRuleStatus.TRIGGERED);
        assertThat(triggered.closedAt()).contains(Samples.AT.plusSeconds(1));
        assertThat(triggered.firesAt(price)).isFalse();
        assertThatThrownBy(() -> triggered.triggered(Samples.AT.plusSeconds(2)))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> triggered.cancelled(Samples.AT.plusSeconds(2))).isInstanceOf(DomainValidationException.class);
    }

    @Example
    void lifecycleTimesAreChecked() {
        OrderRule rule = OrderRule.active(UUID.randomUUID(), Samples.TRADER, Samples.KEY_A, new StopLoss(BigDecimal.ONE), TokenAmount.of(5), Samples.AT);
        assertThatThrownBy(() -> rule.triggered(null))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("closedAt"));
        assertThatThrownBy(() -> rule.cancelled(Samples.AT.minusSeconds(1)))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("closedAt"));
        assertThatThrownBy(() -> new OrderRule(rule.id(), rule.trader(), rule.token(), rule.trigger(), rule.quantity(), OrderRuleStatus.ACTIVE,
                rule.createdAt(), Optional.of(Samples.AT)))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("closedAt"));
        assertThatThrownBy(() -> OrderRule.active(rule.id(), rule.trader(), rule.token(), rule.trigger(), TokenAmount.ZERO, Samples.AT))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> new TrailingStop(0, BigDecimal.ONE)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> new TrailingStop(10_000, BigDecimal.ONE)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> new StopLoss(BigDecimal.ONE).firesAt(null))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("price"));
    }

    /** Positive prices with up to 8 decimals. */
    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.longs().between(1, 100_000_000_000_000L).map(p -> BigDecimal.valueOf(p, 8));
    }
}
