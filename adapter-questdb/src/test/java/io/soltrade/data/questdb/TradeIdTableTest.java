package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.TradeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The intake's table of ids in flight answers as a {@code HashMap} would, whatever the order of puts and removals: the
 * operations run against both, and every id of the universe is read back from both after each one. The universe mixes
 * ids whose hash codes are equal ("Aa" and "BB" hash alike, so do their concatenations) with ordinary ones, so runs of
 * occupied slots form, wrap around the end of the arrays and are closed up by removals.
 */
class TradeIdTableTest {
    /** 8 ids with one hash code, then 56 ordinary ones. */
    private static final List<TradeId> UNIVERSE = universe();

    private static List<TradeId> universe() {
        List<TradeId> ids = new ArrayList<>();
        for (int bits = 0; bits < 8; bits++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                text.append((bits >> i & 1) == 0 ? "Aa" : "BB");
            }
            ids.add(new PaperTradeId(text.toString()));
        }
        for (int n = 0; n < 56; n++) {
            ids.add(new PaperTradeId("t" + n));
        }
        return List.copyOf(ids);
    }

    private record Op(int kind, int id, int value) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, UNIVERSE.size() - 1),
                Arbitraries.integers().between(0, 3)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void answersAsAHashMapDoes(@ForAll("operations") List<Op> operations) {
        TradeIdTable<String> table = new TradeIdTable<>();
        Map<TradeId, String> model = new HashMap<>();
        String[] values = {"a", "b", "c", "d"};
        for (Op op : operations) {
            TradeId id = UNIVERSE.get(op.id());
            String value = values[op.value()];
            switch (op.kind()) {
                case 0, 1, 2, 3, 4 -> assertThat(table.put(id, value)).as("put %s", id).isEqualTo(model.put(id, value));
                case 5, 6 -> assertThat(table.remove(id)).as("remove %s", id).isEqualTo(model.remove(id));
                // remove(key, value) compares by identity; the values are interned literals, so equal means the same
                case 7, 8 -> assertThat(table.remove(id, value)).as("remove %s if %s", id, value).isEqualTo(model.remove(id, value));
                default -> assertThat(table.get(id)).isEqualTo(model.get(id));
            }
            assertThat(table.size()).isEqualTo(model.size());
            for (TradeId each : UNIVERSE) {
                assertThat(table.get(each)).as("get %s after %s", each, op).isEqualTo(model.get(each));
            }
        }
    }

    @Test
    void removingByValueLeavesAnotherValueInPlace() {
        TradeIdTable<Object> table = new TradeIdTable<>();
        TradeId id = new PaperTradeId("x");
        Object first = new Object();
        Object second = new Object();
        table.put(id, first);
        table.put(id, second);

        assertThat(table.remove(id, first)).isFalse();
        assertThat(table.get(id)).isSameAs(second);
        assertThat(table.remove(id, second)).isTrue();
        assertThat(table.get(id)).isNull();
        assertThat(table.size()).isZero();
    }

    @Test
    void growsPastItsFirstArraysAndEmptiesAgain() {
        TradeIdTable<Integer> table = new TradeIdTable<>();
        int count = 100_000;
        for (int n = 0; n < count; n++) {
            table.put(new PaperTradeId("g" + n), n);
        }
        assertThat(table.size()).isEqualTo(count);
        for (int n = 0; n < count; n++) {
            assertThat(table.get(new PaperTradeId("g" + n))).isEqualTo(n);
        }
        for (int n = 0; n < count; n += 2) {
            assertThat(table.remove(new PaperTradeId("g" + n))).isEqualTo(n);
        }
        for (int n = 0; n < count; n++) {
            assertThat(table.get(new PaperTradeId("g" + n))).isEqualTo(n % 2 == 0 ? null : n);
        }
        assertThat(table.size()).isEqualTo(count / 2);
    }
}
