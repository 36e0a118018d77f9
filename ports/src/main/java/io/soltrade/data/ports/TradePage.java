package io.soltrade.data.ports;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Trade;
import java.util.List;
import java.util.Optional;

/**
 * A page of trades and, when more trades follow, the cursor of the next page ({@link TradeQuery#withAfter}); an
 * empty {@code next} means this page is the last.
 */
public record TradePage(List<Trade> trades, Optional<TradeCursor> next) {

    public TradePage {
        Checks.notNull(trades, "trades");
        trades = List.copyOf(trades);
        Checks.notNull(next, "next");
    }

    /**
     * The page of {@code query} from {@code fetched}: its trades in page order, up to {@code query.limit() + 1} of
     * them, the extra one (if fetched) only telling that another page exists.
     */
    public static TradePage of(TradeQuery query, List<Trade> fetched) {
        Checks.notNull(query, "query");
        Checks.notNull(fetched, "fetched");
        if (fetched.size() <= query.limit()) {
            return new TradePage(fetched, Optional.empty());
        }
        List<Trade> page = fetched.subList(0, query.limit());
        return new TradePage(page, Optional.of(TradeCursor.after(page.get(page.size() - 1))));
    }
}
