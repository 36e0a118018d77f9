package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.LARGEST_PRICE;
import static io.soltrade.data.ports.contract.ContractFixtures.SMALLEST_PRICE;
import static io.soltrade.data.ports.contract.ContractFixtures.priceQuote;
import static io.soltrade.data.ports.contract.ContractFixtures.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link PriceCache} shares. An adapter's test extends this class and implements
 * {@link #priceCache()}; every test uses fresh random symbols, so the kit runs against a shared server without
 * cleanup.
 *
 * <p>Time: TTL tests call {@link #advancePast(Duration)}, which by default waits in real time (fine for a TTL
 * of 1-2 s). An adapter with an injected clock overrides it to move the clock instead.
 *
 * <p>Where the port leaves a choice open, this kit decides (every adapter must agree):
 * <ul>
 *   <li>A quote exactly as new as the cached one (same slot and observation time, e.g. a retried put) is
 *       {@link PutOutcome#KEPT_NEWER}: a retry is a no-op.</li>
 *   <li>Only a {@link PutOutcome#STORED} write starts a fresh TTL; a rejected older write leaves the cached
 *       quote's expiry where it was.</li>
 *   <li>An expired quote takes no part in set-if-newer: after expiry any quote is {@code STORED}, even one
 *       with an older slot.</li>
 *   <li>{@link PriceCache#getAll} returns a map that iterates in the order of the requested symbols (first
 *       occurrence); a symbol may be requested twice.</li>
 *   <li>Statistics count per symbol looked up: each {@code get} and each symbol of a {@code getAll} adds one
 *       hit, or one miss, or one expired (an adapter that cannot tell an expired quote from a missing one counts
 *       a miss); each {@code KEPT_NEWER} adds one stale write rejected.</li>
 *   <li>A batch over {@link PortInput#MAX_BATCH} items is rejected like any bad input.</li>
 * </ul>
 */
@Timeout(120)
public abstract class PriceCacheContract {
    private static final Instant BASE_TIME = Instant.parse("2025-06-01T12:00:00.123456Z");

    private PriceCache cache;

    /** The cache under test; called once before each test. It may be shared between tests. */
    protected abstract PriceCache priceCache();

    /**
     * Lets more than {@code duration} pass as the cache measures time. The default waits in real time; an
     * adapter whose clock is injected overrides this to advance that clock.
     */
    protected void advancePast(Duration duration) {
        long start = System.nanoTime();
        long target = duration.toNanos() + Duration.ofMillis(25).toNanos();
        await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.nanoTime() - start > target);
    }

    @BeforeEach
    final void createCache() {
        cache = priceCache();
    }

    @Test
    void firstQuoteForASymbolIsStoredAndReadBack() {
        PriceQuote quote = quote(symbol(), 1_000, BASE_TIME);

        assertThat(cache.put(quote)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(quote.symbol())).contains(quote);
    }

    @Test
    void symbolsAsTheyExistOnChainAreCachedApartWithTheirQuoteToken() {
        String unique = ContractFixtures.word(8);
        List<TokenSymbol> symbols = List.of(TokenSymbol.of("$WIF" + unique), TokenSymbol.of("%24WIF" + unique), TokenSymbol.of("狗" + unique),
                TokenSymbol.of("\uD83D\uDC36 " + unique), TokenSymbol.of("a:{b}*?[" + unique + "]:seen"), TokenSymbol.of("L".repeat(500) + unique));
        List<PriceQuote> quotes = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            quotes.add(new PriceQuote(symbols.get(i), BigDecimal.valueOf(i + 1), 5, BASE_TIME, "kit",
                    i % 2 == 0 ? io.soltrade.data.domain.QuoteTokens.SOL : io.soltrade.data.domain.QuoteTokens.USDC));
        }
        cache.putAll(quotes);

        for (PriceQuote quote : quotes) {
            assertThat(cache.get(quote.symbol())).contains(quote);
        }
        assertThat(cache.getAll(symbols).values()).containsExactlyElementsOf(quotes);
    }

    @Test
    void pricesRoundTripExactly() {
        List<BigDecimal> prices = List.of(SMALLEST_PRICE, LARGEST_PRICE, new BigDecimal("1"), new BigDecimal("1.5"),
                new BigDecimal("1.50"), new BigDecimal("123.450000000000000001"), new BigDecimal("42000000"), new BigDecimal("4.2E+7"));
        for (BigDecimal price : prices) {
            PriceQuote quote = new PriceQuote(symbol(), price, 7, BASE_TIME, "kit");
            cache.put(quote);

            PriceQuote read = cache.get(quote.symbol()).orElseThrow();
            assertThat(read).isEqualTo(quote);
            assertThat(read.price().scale()).as("scale of %s", price.toPlainString()).isEqualTo(quote.price().scale());
            assertThat(read.price().toPlainString()).isEqualTo(quote.price().toPlainString());
        }
    }

    @Test
    void observationTimeAndSourceRoundTripExactly() {
        PriceQuote quote = new PriceQuote(symbol(), new BigDecimal("3.25"), Long.MAX_VALUE,
                Instant.parse("2261-12-31T23:59:59.999999Z"), "jupiter.v6_agg-1");
        cache.put(quote);
        assertThat(cache.get(quote.symbol())).contains(quote);
    }

    @Test
    void unknownSymbolIsEmpty() {
        assertThat(cache.get(symbol())).isEmpty();
    }

    @Test
    void olderQuoteNeverOverwritesNewer() {
        TokenSymbol symbol = symbol();
        PriceQuote newer = quote(symbol, 100, BASE_TIME);
        cache.put(newer);

        assertThat(cache.put(quote(symbol, 99, BASE_TIME.plusSeconds(60)))).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(symbol)).contains(newer);
    }

    @Test
    void laterSlotReplacesEvenWithAnEarlierObservationTime() {
        TokenSymbol symbol = symbol();
        cache.put(quote(symbol, 100, BASE_TIME));
        PriceQuote later = quote(symbol, 101, BASE_TIME.minusSeconds(60));

        assertThat(cache.put(later)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(symbol)).contains(later);
    }

    @Test
    void sameSlotIsOrderedByObservationTime() {
        TokenSymbol symbol = symbol();
        PriceQuote first = quote(symbol, 100, BASE_TIME);
        PriceQuote laterObservation = quote(symbol, 100, BASE_TIME.plusNanos(1_000));
        cache.put(first);

        assertThat(cache.put(laterObservation)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.put(first)).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(symbol)).contains(laterObservation);
    }

    @Test
    void retriedPutIsKeptAsNewer() {
        PriceQuote quote = quote(symbol(), 100, BASE_TIME);
        cache.put(quote);

        assertThat(cache.put(quote)).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(quote.symbol())).contains(quote);
    }

    @Test
    void expiredQuoteIsNeverServed() {
        PriceQuote quote = quote(symbol(), 100, BASE_TIME);
        cache.put(quote);

        advancePast(cache.ttl());

        assertThat(cache.get(quote.symbol())).isEmpty();
        assertThat(cache.getAll(List.of(quote.symbol()))).isEmpty();
    }

    @Test
    void eachStoredQuoteRestartsTheTtl() {
        TokenSymbol symbol = symbol();
        Duration moreThanHalf = cache.ttl().multipliedBy(6).dividedBy(10);
        cache.put(quote(symbol, 100, BASE_TIME));
        advancePast(moreThanHalf);
        PriceQuote newer = quote(symbol, 101, BASE_TIME);

        assertThat(cache.put(newer)).isEqualTo(PutOutcome.STORED);
        advancePast(moreThanHalf);

        assertThat(cache.get(symbol)).as("stored %s ago, ttl %s", moreThanHalf, cache.ttl()).contains(newer);
    }

    @Test
    void rejectedOlderQuoteDoesNotExtendTheTtl() {
        TokenSymbol symbol = symbol();
        Duration moreThanHalf = cache.ttl().multipliedBy(6).dividedBy(10);
        cache.put(quote(symbol, 100, BASE_TIME));
        advancePast(moreThanHalf);

        assertThat(cache.put(quote(symbol, 99, BASE_TIME))).isEqualTo(PutOutcome.KEPT_NEWER);
        advancePast(moreThanHalf);

        assertThat(cache.get(symbol)).isEmpty();
    }

    @Test
    void expiredQuoteNoLongerBlocksAnOlderSlot() {
        TokenSymbol symbol = symbol();
        cache.put(quote(symbol, 100, BASE_TIME));
        advancePast(cache.ttl());
        PriceQuote older = quote(symbol, 50, BASE_TIME);

        assertThat(cache.put(older)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(symbol)).contains(older);
    }

    @Test
    void putAllReturnsOutcomesInOrderAsIfPutOneByOne() {
        TokenSymbol cached = symbol();
        TokenSymbol fresh = symbol();
        TokenSymbol twice = symbol();
        cache.put(quote(cached, 100, BASE_TIME));

        List<PutOutcome> outcomes = cache.putAll(List.of(
                quote(cached, 90, BASE_TIME),
                quote(fresh, 1, BASE_TIME),
                quote(twice, 5, BASE_TIME),
                quote(twice, 4, BASE_TIME),
                quote(fresh, 2, BASE_TIME)));

        assertThat(outcomes).containsExactly(PutOutcome.KEPT_NEWER, PutOutcome.STORED, PutOutcome.STORED,
                PutOutcome.KEPT_NEWER, PutOutcome.STORED);
        assertThat(cache.get(cached).orElseThrow().slot()).isEqualTo(100);
        assertThat(cache.get(fresh).orElseThrow().slot()).isEqualTo(2);
        assertThat(cache.get(twice).orElseThrow().slot()).isEqualTo(5);
    }

    @Test
    void putAllOfNothingDoesNothing() {
        assertThat(cache.putAll(List.of())).isEmpty();
    }

    @Test
    void getAllOfFiftySymbolsReturnsTheCachedOnesInRequestOrder() {
        List<PriceQuote> quotes = IntStream.range(0, 50).mapToObj(i -> quote(symbol(), 10 + i, BASE_TIME)).toList();
        cache.putAll(quotes);
        List<TokenSymbol> requested = new ArrayList<>();
        quotes.forEach(q -> requested.add(q.symbol()));
        IntStream.range(0, 5).forEach(i -> requested.add(symbol()));
        Collections.shuffle(requested);

        Map<TokenSymbol, PriceQuote> found = cache.getAll(requested);

        assertThat(found).hasSize(50);
        quotes.forEach(q -> assertThat(found).containsEntry(q.symbol(), q));
        assertThat(found.keySet()).containsExactlyElementsOf(requested.stream().filter(found::containsKey).toList());
    }

    @Test
    void getAllToleratesRepeatedSymbolsAndEmptyRequests() {
        PriceQuote quote = quote(symbol(), 3, BASE_TIME);
        cache.put(quote);

        assertThat(cache.getAll(List.of(quote.symbol(), quote.symbol()))).containsExactly(Map.entry(quote.symbol(), quote));
        assertThat(cache.getAll(List.of())).isEmpty();
    }

    @Test
    void concurrentWritersLeaveTheNewestQuote() throws Exception {
        TokenSymbol symbol = symbol();
        List<Long> slots = new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(i -> (long) i).toList());
        Collections.shuffle(slots);

        List<Long> storedPerWriter = Concurrently.call(4, writer -> slots.subList(writer * 50, writer * 50 + 50).stream()
                .filter(slot -> cache.put(quote(symbol, slot, BASE_TIME)) == PutOutcome.STORED).count());

        assertThat(storedPerWriter.stream().mapToLong(Long::longValue).sum()).isBetween(1L, 200L);
        assertThat(cache.get(symbol).orElseThrow().slot()).isEqualTo(200);
    }

    @Test
    void statsCountHitsMissesAndRejectedStaleWrites() {
        PriceQuote quote = quote(symbol(), 10, BASE_TIME);
        cache.put(quote);
        CacheStats before = cache.stats();

        cache.get(quote.symbol());
        cache.get(symbol());
        cache.getAll(List.of(quote.symbol(), symbol()));
        cache.put(quote(quote.symbol(), 9, BASE_TIME));

        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        assertThat(after.misses() - before.misses()).isEqualTo(2);
        assertThat(after.expired() - before.expired()).isZero();
        assertThat(after.staleWritesRejected() - before.staleWritesRejected()).isEqualTo(1);
        assertThat(after.errors() - before.errors()).isZero();
    }

    @Test
    void statsCountAnExpiredLookupAsExpiredOrMissed() {
        PriceQuote quote = quote(symbol(), 10, BASE_TIME);
        cache.put(quote);
        advancePast(cache.ttl());
        CacheStats before = cache.stats();

        cache.get(quote.symbol());

        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isZero();
        assertThat((after.misses() + after.expired()) - (before.misses() + before.expired())).isEqualTo(1);
    }

    @Test
    void ttlIsPositive() {
        assertThat(cache.ttl()).isPositive();
    }

    @Test
    void nullArgumentsAreRejected() {
        assertInvalidInput(() -> cache.put(null));
        assertInvalidInput(() -> cache.putAll(null));
        assertInvalidInput(() -> cache.get(null));
        assertInvalidInput(() -> cache.getAll(null));
        assertInvalidInput(() -> cache.getAll(Arrays.asList(symbol(), null)));
    }

    @Test
    void batchWithANullQuoteStoresNothing() {
        PriceQuote quote = quote(symbol(), 10, BASE_TIME);

        assertInvalidInput(() -> cache.putAll(Arrays.asList(quote, null)));

        assertThat(cache.get(quote.symbol())).isEmpty();
    }

    @Test
    void oversizedBatchesAreRejected() {
        PriceQuote quote = quote(symbol(), 10, BASE_TIME);

        assertInvalidInput(() -> cache.putAll(Collections.nCopies(PortInput.MAX_BATCH + 1, quote)));
        assertInvalidInput(() -> cache.getAll(Collections.nCopies(PortInput.MAX_BATCH + 1, quote.symbol())));
        assertThat(cache.get(quote.symbol())).isEmpty();
    }

    private static PriceQuote quote(TokenSymbol symbol, long slot, Instant observedAt) {
        return priceQuote(symbol, slot, observedAt);
    }
}
