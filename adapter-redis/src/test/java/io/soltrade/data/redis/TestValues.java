package io.soltrade.data.redis;

import io.soltrade.data.domain.Dex;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.UiEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh random domain values for the adapter's own tests. */
final class TestValues {
    static final Instant BASE_TIME = Instant.parse("2025-06-01T12:00:00.123456Z");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private TestValues() {}

    static String word(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    static TokenSymbol symbol() {
        return TokenSymbol.of("R" + word(12));
    }

    static Pubkey pubkey() {
        byte[] bytes = new byte[Pubkey.BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Pubkey.ofBytes(bytes);
    }

    static String group() {
        return "group-" + word(12).toLowerCase();
    }

    static PriceQuote quote(TokenSymbol symbol, long slot) {
        return quote(symbol, slot, BASE_TIME);
    }

    static PriceQuote quote(TokenSymbol symbol, long slot, Instant observedAt) {
        BigDecimal price = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L), 9);
        return new PriceQuote(symbol, price, slot, observedAt, "test");
    }

    static PoolState poolState(Pubkey pool, long slot) {
        return new PoolState(Dex.ORCA_WHIRLPOOL, pool, pubkey(), pubkey(), TokenAmount.MAX,
                TokenAmount.of(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)), 30, slot, BASE_TIME);
    }

    static PriceUpdateEvent priceEvent(long slot) {
        return new PriceUpdateEvent(quote(symbol(), slot));
    }

    static TradeEvent tradeEvent() {
        return new TradeEvent(new Trade(new PaperTradeId("p-" + word(16)), BASE_TIME, TraderId.of("trader-" + word(8)), TradingMode.PAPER,
                TradeSide.BUY, pubkey(), pubkey(), TokenAmount.MAX, TokenAmount.parse("9223372036854775808"), TokenAmount.of(5_000),
                new BigDecimal("99999999999999999999.999999999999999999"), Long.MAX_VALUE, MevStatus.SANDWICHED));
    }

    static UiEvent uiEvent(String message) {
        return UiEvent.of("alert.price", message, Map.of("symbol", "SOL", "note", "ünïcode ✓ \"quoted\""), BASE_TIME);
    }
}
