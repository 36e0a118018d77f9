package io.soltrade.data.reliability.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.EmptyIntervals;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.reliability.support.RunningAdapter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The memory adapter is the reference: on the same random trades (both quote tokens, all commitments, re-saves of an
 * id at another time and price, commitment updates), QuestDB's candles ({@code SAMPLE BY}) and a trader's pages must
 * equal memory's, for every interval length, empty-interval mode and minimum commitment.
 */
class CandlesAgreeIT {
    private static final long WINDOW_MICROS = 2L * 3_600 * 1_000_000;
    private static RunningAdapter questDb;

    @BeforeContainer
    static void start() {
        QuestDbServer server = QuestDbServer.shared();
        questDb = RunningAdapter.start(new QuestDbModule(QuestDbSettings.of(server.ilpConfig(), server.pgUrl(), server.pgUser(), server.pgPassword())));
    }

    @AfterContainer
    static void stop() {
        questDb.close();
    }

    /** One generated trade before its mint, trader and window are fixed. */
    record Draft(long offsetMicros, boolean live, TradeSide side, boolean inSol, BigDecimal price, long tokenBits, long quoteBits,
            Commitment commitment, Optional<Commitment> update, boolean savedAgainElsewhere) {}

    @Property(tries = 60)
    void questDbCandlesEqualMemoryCandlesOnTheSameTrades(@ForAll("drafts") List<Draft> drafts, @ForAll CandleInterval interval,
            @ForAll EmptyIntervals empty, @ForAll("minimums") Commitment minimum, @ForAll("fractions") double from, @ForAll("fractions") double length) {
        Pubkey token = ContractFixtures.pubkey();
        TraderId trader = ContractFixtures.traderId();
        Instant window = CandleInterval.DAY_1.start(ContractFixtures.windowStart());
        List<Trade> trades = new ArrayList<>();
        List<Trade> resaves = new ArrayList<>();
        List<Draft> kept = new ArrayList<>();
        Set<Long> offsets = new HashSet<>();
        for (Draft draft : drafts) {
            if (!offsets.add(draft.offsetMicros())) {
                continue; // trades sharing a microsecond have no defined open/close order
            }
            Trade trade = trade(draft, token, trader, window.plus(draft.offsetMicros(), ChronoUnit.MICROS));
            trades.add(trade);
            kept.add(draft);
            if (draft.savedAgainElsewhere()) {
                resaves.add(new Trade(trade.id(), trade.executedAt().plusSeconds(61), trade.trader(), trade.mode(), trade.side(), trade.tokenIn(),
                        trade.tokenOut(), trade.amountIn(), trade.amountOut(), trade.fee(), trade.price().add(BigDecimal.ONE), trade.slot(),
                        trade.mevStatus(), trade.commitment()));
            }
        }
        MemoryTradeStore memory = new MemoryTradeStore();
        TradeStore quest = questDb.port(TradeStore.class);
        for (TradeStore store : List.of(memory, quest)) {
            store.batchSave(trades);
            store.batchSave(resaves);
        }
        for (int i = 0; i < trades.size(); i++) {
            Optional<Commitment> update = kept.get(i).update();
            if (update.isPresent()) {
                assertThat(outcome(quest, trades.get(i).id(), update.get())).isEqualTo(outcome(memory, trades.get(i).id(), update.get()));
            }
        }
        long start = (long) (from * WINDOW_MICROS);
        TimeRange range = TimeRange.of(window.plus(start, ChronoUnit.MICROS),
                window.plus(Math.min(WINDOW_MICROS, start + (long) (length * WINDOW_MICROS)), ChronoUnit.MICROS));

        for (Pubkey quote : List.of(QuoteTokens.USDC, QuoteTokens.SOL)) {
            CandleQuery query = CandleQuery.of(token, quote, interval, range).withEmptyIntervals(empty).withMinimumCommitment(minimum);
            List<Candle> expected = memory.candles(query);
            assertThat(quest.candles(query)).as("%s candles in %s, %s, at least %s", interval.label(), quote, empty, minimum)
                    .containsExactlyElementsOf(expected);
        }
        TradeQuery page = TradeQuery.of(trader, 7).withMinimumCommitment(minimum);
        assertThat(quest.findByTrader(page)).isEqualTo(memory.findByTrader(page));
    }

    private static Object outcome(TradeStore store, TradeId id, Commitment commitment) {
        try {
            return store.updateCommitment(id, commitment);
        } catch (DbException e) {
            return e.kind();
        }
    }

    private static Trade trade(Draft draft, Pubkey token, TraderId trader, Instant at) {
        Pubkey quote = draft.inSol() ? QuoteTokens.SOL : QuoteTokens.USDC;
        TradeId id = draft.live() ? ContractFixtures.onChainTradeId() : new PaperTradeId("p-" + ContractFixtures.word(20));
        boolean buy = draft.side() == TradeSide.BUY;
        TokenAmount tokenAmount = new TokenAmount(draft.tokenBits());
        TokenAmount quoteAmount = new TokenAmount(draft.quoteBits());
        return new Trade(id, at, trader, draft.live() ? TradingMode.LIVE : TradingMode.PAPER, draft.side(), buy ? quote : token, buy ? token : quote,
                buy ? quoteAmount : tokenAmount, buy ? tokenAmount : quoteAmount, TokenAmount.of(5_000), draft.price(), 1, MevStatus.NONE,
                draft.live() ? draft.commitment() : Commitment.FINALIZED);
    }

    @Provide
    Arbitrary<List<Draft>> drafts() {
        Arbitrary<Long> offsets = Arbitraries.longs().between(0, WINDOW_MICROS - 1);
        Arbitrary<BigDecimal> prices = Combinators.combine(Arbitraries.longs().between(1, 999_999_999_999_999_999L), Arbitraries.integers().between(0, 18))
                .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
        Arbitrary<Long> amounts = Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000_000_000L), Arbitraries.longs().filter(bits -> bits != 0),
                Arbitraries.just(-1L));
        Arbitrary<Draft> draft = Combinators.combine(offsets, Arbitraries.of(true, false), Arbitraries.of(TradeSide.class),
                        Arbitraries.integers().between(0, 3).map(n -> n == 0), prices, amounts, amounts, Arbitraries.of(Commitment.class))
                .as((offset, live, side, inSol, price, tokenBits, quoteBits, commitment) -> new Draft(offset, live, side, inSol, price, tokenBits,
                        quoteBits, commitment, Optional.empty(), false));
        return Combinators.combine(draft, Arbitraries.of(Commitment.class).optional(0.3), Arbitraries.integers().between(0, 9).map(n -> n == 0))
                .as((d, update, again) -> new Draft(d.offsetMicros(), d.live(), d.side(), d.inSol(), d.price(), d.tokenBits(), d.quoteBits(),
                        d.commitment(), update, again))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Commitment> minimums() {
        return Arbitraries.of(Commitment.PROCESSED, Commitment.CONFIRMED, Commitment.FINALIZED);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
