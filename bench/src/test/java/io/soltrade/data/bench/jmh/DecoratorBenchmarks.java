package io.soltrade.data.bench.jmh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.BreakerPolicy;
import io.soltrade.data.app.config.ResiliencePolicy;
import io.soltrade.data.app.config.RetryPolicy;
import io.soltrade.data.app.resilience.ResilientPorts;
import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.memory.MemoryConfigStore;
import io.soltrade.data.ports.ConfigStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What the data layer's decorators (retry, circuit breaker, the port-call timer) add to the cheapest call there is:
 * a config read from the in-memory adapter, direct against through the port a {@code DataLayer} hands a host. Uses
 * only public API, so the same class runs against an older build (put its jar first on the class path) to compare.
 * Not run by {@code verify}; see docs/bench.md for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecoratorBenchmarks {
    private static final TraderId TRADER = TraderId.of("jmh-trader");

    private ResilientPorts guards;
    private ConfigStore direct;
    private ConfigStore decorated;

    @Setup(Level.Trial)
    public void makeStores() {
        MemoryConfigStore store = new MemoryConfigStore();
        store.saveTraderConfig(TraderConfig.of(TRADER, TradingMode.PAPER,
                new RiskLimits(TokenAmount.of(5_000_000_000L), TokenAmount.of(1_000_000_000L), 50, 10),
                MevProtection.disabled(), Map.of("strategy", "momentum", "max.hops", "3")), Actor.of("jmh"));
        // The reference.conf defaults.
        ResiliencePolicy policy = new ResiliencePolicy(
                new RetryPolicy(4, Duration.ofMillis(25), 2.0, 0.5, Duration.ofSeconds(1)),
                new BreakerPolicy(50, 20, 10, Duration.ofSeconds(5), 3),
                Duration.ofSeconds(5));
        guards = new ResilientPorts(policy, List.of(Backend.MEMORY), new SimpleMeterRegistry());
        direct = store;
        decorated = guards.configStore(Backend.MEMORY, store);
    }

    @TearDown(Level.Trial)
    public void close() {
        guards.close();
    }

    @Benchmark
    public Optional<TraderConfig> adapterRead() {
        return direct.findTraderConfig(TRADER);
    }

    @Benchmark
    public Optional<TraderConfig> decoratedRead() {
        return decorated.findTraderConfig(TRADER);
    }

    /** {@code java -cp ... io.soltrade.data.bench.jmh.DecoratorBenchmarks}: 1 fork, 3 x 1 s warm-up, 5 x 1 s measured. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(DecoratorBenchmarks.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1)).build()).run();
    }
}
