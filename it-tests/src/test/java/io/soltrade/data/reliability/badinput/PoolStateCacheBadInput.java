package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PutOutcome;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Every entry point of {@link PoolStateCache} with arguments it must refuse. */
public abstract class PoolStateCacheBadInput extends BadInputKit<PoolStateCache> {

    @Override
    protected Arbitrary<RejectedCall<PoolStateCache>> rejectedCalls() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<PoolStateCache>of("put(null)", cache -> cache.put(null)),
                        RejectedCall.<PoolStateCache>of("putAll(null)", cache -> cache.putAll(null)),
                        RejectedCall.<PoolStateCache>of("get(null)", cache -> cache.get(null)),
                        RejectedCall.<PoolStateCache>of("getAll(null)", cache -> cache.getAll(null)),
                        RejectedCall.<PoolStateCache>of("getAll([pool, null])", cache -> cache.getAll(Arrays.asList(ContractFixtures.pubkey(), null)))),
                BadArguments.batchWithNull(() -> ContractFixtures.poolState(ContractFixtures.pubkey(), 1, ContractFixtures.now()), 30)
                        .map(batch -> new RejectedCall<PoolStateCache>("putAll(" + describe(batch) + ")", cache -> cache.putAll(batch),
                                cache -> assertThat(cache.getAll(batch.stream().filter(Objects::nonNull).map(PoolState::pool).toList()))
                                        .as("states of a refused batch").isEmpty())),
                Arbitraries.create(() -> ContractFixtures.poolState(ContractFixtures.pubkey(), 1, ContractFixtures.now()))
                        .flatMap(state -> BadArguments.oversizedBatch(() -> state).map(batch -> new RejectedCall<PoolStateCache>(
                                "putAll(" + batch.size() + " copies)", cache -> cache.putAll(batch),
                                cache -> assertThat(cache.get(state.pool())).isEmpty()))));
    }

    @Override
    protected void validReadSucceeds(PoolStateCache cache) {
        assertThat(cache.get(ContractFixtures.pubkey())).isEmpty();
    }

    @Override
    protected void validWriteSucceeds(PoolStateCache cache) {
        PoolState state = ContractFixtures.poolState(ContractFixtures.pubkey(), 7, ContractFixtures.now());
        assertThat(cache.put(state)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(state.pool())).contains(state);
    }
}
