package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Average-cost P&amp;L checked against cash-flow accounting: whatever the order of buys, sells, partial closes and
 * flips through zero, realized + unrealized P&amp;L at a mark equals the cash received minus the cash paid (fees
 * included) plus the open quantity valued at the mark.
 */
class PositionTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /** Averages are rounded to 18 decimals; over at most 40 fills of at most 10^4 tokens the drift stays far below this. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-9");

    @Property
    void totalPnlEqualsCashFlowAccounting(@ForAll("fills") List<Fill> fills, @ForAll("prices") BigDecimal mark) {
        Position position = Position.flat(Samples.TRADER, TradingMode.PAPER, Samples.KEY_A, START);
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Fill fill : fills) {
            position = position.apply(fill);
            cash = cash.subtract(fill.signedQuantity().multiply(fill.price())).subtract(fill.fee());
            quantity = quantity.add(fill.signedQuantity());
            fees = fees.add(fill.fee());
        }
        assertThat(position.quantity()).isEqualByComparingTo(quantity);
        assertThat(position.feesPaid()).isEqualByComparingTo(fees);
        assertThat(position.fillCount()).isEqualTo(fills.size());
        BigDecimal cashFlowPnl = cash.add(quantity.multiply(mark));
        assertThat(position.totalPnl(mark).subtract(cashFlowPnl).abs()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(position.totalPnl(mark)).isEqualByComparingTo(position.realizedPnl().add(position.unrealizedPnl(mark)));
    }

    @Property
    void eachFillMovesAverageAndRealizedByTheRules(@ForAll("fills") List<Fill> fills) {
        Position position = Position.flat(Samples.TRADER, TradingMode.PAPER, Samples.KEY_A, START);
        for (Fill fill : fills) {
            Position next = position.apply(fill);
            BigDecimal before = position.quantity();
            BigDecimal after = next.quantity();
            if (before.signum() == 0 || before.signum() == fill.signedQuantity().signum()) {
                // Adding: nothing realized but the fee; the average moves between the old average and the fill price.
                assertThat(next.realizedPnl()).isEqualByComparingTo(position.realizedPnl().subtract(fill.fee()));
                BigDecimal low = before.signum() == 0 ? fill.price() : position.averageEntryPrice().min(fill.price());
                BigDecimal high = before.signum() == 0 ? fill.price() : position.averageEntryPrice().max(fill.price());
                assertThat(next.averageEntryPrice()).isBetween(low.subtract(TOLERANCE), high.add(TOLERANCE));
            } else if (after.signum() == before.signum()) {
                // Partial close: the average is kept.
                assertThat(next.averageEntryPrice()).isEqualByComparingTo(position.averageEntryPrice());
            } else if (after.signum() == 0) {
                assertThat(next.averageEntryPrice()).isZero();
                assertThat(next.unrealizedPnl(fill.price())).isZero();
            } else {
                // Flip through zero: the remainder is opened at the fill price.
                assertThat(next.averageEntryPrice()).isEqualByComparingTo(fill.price());
            }
            assertThat(next.isFlat()).isEqualTo(next.averageEntryPrice().signum() == 0);
            position = next;
        }
    }

    @Example
    void buysPartialSellFlipAndCloseWorkedThrough() {
        Position p = Position.flat(Samples.TRADER, TradingMode.PAPER, Samples.KEY_A, START);
        p = p.apply(fill(TradeSide.BUY, "10", "100", "0", 1));
        p = p.apply(fill(TradeSide.BUY, "10", "110", "0", 2));
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("105");
        p = p.apply(fill(TradeSide.SELL, "5", "120", "0", 3));
        assertThat(p.quantity()).isEqualByComparingTo("15");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("105");
        assertThat(p.realizedPnl()).isEqualByComparingTo("75");
        assertThat(p.unrealizedPnl(new BigDecimal("100"))).isEqualByComparingTo("-75");
        p = p.apply(fill(TradeSide.SELL, "20", "90", "0", 4));
        assertThat(p.quantity()).isEqualByComparingTo("-5");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("90");
        assertThat(p.realizedPnl()).isEqualByComparingTo("-150");
        assertThat(p.unrealizedPnl(new BigDecimal("80"))).as("a short gains when the price falls").isEqualByComparingTo("50");
        p = p.apply(fill(TradeSide.BUY, "5", "80", "1.5", 5));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.realizedPnl()).isEqualByComparingTo("-101.5");
        assertThat(p.feesPaid()).isEqualByComparingTo("1.5");
        assertThat(p.totalPnl(new BigDecimal("12345"))).isEqualByComparingTo("-101.5");
    }

    @Example
    void fillsMustNotGoBackInTime() {
        Position p = Position.flat(Samples.TRADER, TradingMode.PAPER, Samples.KEY_A, START.plusSeconds(10));
        assertThatThrownBy(() -> p.apply(fill(TradeSide.BUY, "1", "1", "0", 5)))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("fill.at"));
        assertThatThrownBy(() -> p.apply(null)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> p.unrealizedPnl(BigDecimal.ZERO)).isInstanceOf(DomainValidationException.class);
    }

    private static Fill fill(TradeSide side, String quantity, String price, String fee, int second) {
        return new Fill(side, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), START.plusSeconds(second));
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        Arbitrary<BigDecimal> quantity = Arbitraries.longs().between(1, 10_000_000).map(q -> BigDecimal.valueOf(q, 3));
        Arbitrary<BigDecimal> fee = Arbitraries.longs().between(0, 1_000).map(f -> BigDecimal.valueOf(f, 3));
        Arbitrary<TradeSide> side = Arbitraries.of(TradeSide.class);
        return Combinators.combine(side, quantity, prices(), fee).as((s, q, p, f) -> new Object[] {s, q, p, f})
                .list().ofMinSize(1).ofMaxSize(40)
                .map(rows -> {
                    List<Fill> fills = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] row = rows.get(i);
                        fills.add(new Fill((TradeSide) row[0], (BigDecimal) row[1], (BigDecimal) row[2], (BigDecimal) row[3], START.plusSeconds(i)));
                    }
                    return fills;
                });
    }

    /** Prices with up to 9 decimals, so averages are often non-terminating decimals. */
    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.longs().between(1, 10_000_000_000_000L).map(p -> BigDecimal.valueOf(p, 9));
    }
}
