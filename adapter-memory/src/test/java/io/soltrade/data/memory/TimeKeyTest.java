package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.TradeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trade's key, whose id text is made only when needed, orders exactly as the key of its natural key's text. */
class TimeKeyTest {
    @Test
    void aTradesKeyOrdersAsItsNaturalKeysTextAtTheSameInstantAndAcrossInstants() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<TradeId> ids = List.of(new PaperTradeId("b"), new PaperTradeId("a"), new PaperTradeId("c-1"), new PaperTradeId("A"));
        List<TimeKey> lazy = new ArrayList<>();
        List<TimeKey> eager = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Instant at = t0.plusMillis(i % 2);
            lazy.add(TimeKey.ofTrade(at, ids.get(i)));
            eager.add(new TimeKey(at, ids.get(i).naturalKey()));
        }

        lazy.sort(Comparator.naturalOrder());
        eager.sort(Comparator.naturalOrder());

        assertThat(lazy).map(TimeKey::toString).containsExactlyElementsOf(eager.stream().map(TimeKey::toString).toList());
        assertThat(TimeKey.ofTrade(t0, ids.get(0))).isEqualTo(new TimeKey(t0, "paper:b")).hasSameHashCodeAs(new TimeKey(t0, "paper:b"));
        assertThat(TimeKey.first(t0).compareTo(TimeKey.ofTrade(t0, ids.get(3)))).isNegative();
    }
}
