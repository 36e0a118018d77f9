package io.soltrade.data.ports;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import java.time.Instant;

/**
 * Where a page of a trader's trades ended: the execution time and id of its last trade. The next page holds the
 * trades that come after it in the order {@code executedAt} descending, then id ({@link TradeId#naturalKey()},
 * code-point order) descending: a keyset, so a page costs the same however deep it is, and trades saved meanwhile
 * neither repeat nor shift a page.
 */
public record TradeCursor(Instant executedAt, TradeId id) {

    public TradeCursor {
        executedAt = Checks.timestamp(executedAt, "executedAt");
        Checks.notNull(id, "id");
    }

    /** The cursor just past {@code trade}. */
    public static TradeCursor after(Trade trade) {
        Checks.notNull(trade, "trade");
        return new TradeCursor(trade.executedAt(), trade.id());
    }

    /** Whether {@code trade} comes after this cursor in newest-first order. */
    public boolean precedes(Trade trade) {
        int byTime = trade.executedAt().compareTo(executedAt);
        return byTime < 0 || byTime == 0 && trade.id().naturalKey().compareTo(id.naturalKey()) < 0;
    }
}
