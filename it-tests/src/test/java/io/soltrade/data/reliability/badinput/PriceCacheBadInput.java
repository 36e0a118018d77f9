package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Every entry point of {@link PriceCache} with arguments it must refuse. */
public abstract class PriceCacheBadInput extends BadInputKit<PriceCache> {

    @Override
    protected Arbitrary<RejectedCall<PriceCache>> rejectedCalls() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<PriceCache>of("put(null)", cache -> cache.put(null)),
                        RejectedCall.<PriceCache>of("putAll(null)", cache -> cache.putAll(null)),
                        RejectedCall.<PriceCache>of("get(null)", cache -> cache.get(null)),
                        RejectedCall.<PriceCache>of("getAll(null)", cache -> cache.getAll(null)),
                        RejectedCall.<PriceCache>of("getAll([symbol, null])", cache -> cache.getAll(Arrays.asList(ContractFixtures.symbol(), null)))),
                BadArguments.batchWithNull(() -> ContractFixtures.priceQuote(ContractFixtures.symbol(), 1, ContractFixtures.now()), 30)
                        .map(batch -> new RejectedCall<PriceCache>("putAll(" + describe(batch) + ")", cache -> cache.putAll(batch),
                                cache -> assertThat(cache.getAll(batch.stream().filter(Objects::nonNull).map(PriceQuote::symbol).toList()))
                                        .as("quotes of a refused batch").isEmpty())),
                Arbitraries.create(() -> ContractFixtures.priceQuote(ContractFixtures.symbol(), 1, ContractFixtures.now()))
                        .flatMap(quote -> BadArguments.oversizedBatch(() -> quote).map(batch -> new RejectedCall<PriceCache>(
                                "putAll(" + batch.size() + " copies)", cache -> cache.putAll(batch),
                                cache -> assertThat(cache.get(quote.symbol())).isEmpty()))));
    }

    @Override
    protected void validReadSucceeds(PriceCache cache) {
        assertThat(cache.get(ContractFixtures.symbol())).isEmpty();
    }

    @Override
    protected void validWriteSucceeds(PriceCache cache) {
        PriceQuote quote = ContractFixtures.priceQuote(ContractFixtures.symbol(), 7, ContractFixtures.now());
        assertThat(cache.put(quote)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(quote.symbol())).contains(quote);
    }
}
