package io.soltrade.data.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Every scenario the bench knows, in run order, and the selection {@code --scenario} makes from them. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
                new RedisPriceGetScenario(OursThrough.ADAPTER),
                new RedisPriceGetScenario(OursThrough.DATA_LAYER),
                new RedisGetAllScenario(OursThrough.ADAPTER),
                new RedisGetAllScenario(OursThrough.DATA_LAYER),
                new RedisPutAllScenario(OursThrough.ADAPTER),
                new RedisPutAllScenario(OursThrough.DATA_LAYER),
                new RedisStreamAppendScenario(OursThrough.ADAPTER),
                new RedisStreamAppendScenario(OursThrough.DATA_LAYER),
                new RedisLiveFeedScenario(),
                new RedisBusyFeedScenario(),
                new QuestDbBatchSaveScenario(OursThrough.ADAPTER),
                new QuestDbBatchSaveScenario(OursThrough.DATA_LAYER),
                new QuestDbConcurrentSaveScenario(),
                new QuestDbVisibilityScenario(),
                new PostgresCopyScenario(),
                new PostgresConfigReadScenario(50, OursThrough.ADAPTER),
                new PostgresConfigReadScenario(50, OursThrough.DATA_LAYER),
                new PostgresConfigReadScenario(200, OursThrough.ADAPTER),
                new PostgresConfigReadScenario(200, OursThrough.DATA_LAYER),
                new MemoryBufferedTradeScenario(),
                new MemoryAllocationScenario(),
                new MemoryBurstHeapScenario(),
                new MemoryAdapterBatchSaveScenario(OursThrough.ADAPTER),
                new MemoryAdapterBatchSaveScenario(OursThrough.DATA_LAYER));
    }

    /**
     * The scenarios named by {@code selectors}, in run order: a selector is a scenario's name
     * ({@code redis.price-get}) or its backend ({@code redis}). No selector selects all. An unknown selector is
     * an error that lists the known names.
     */
    public static List<Scenario> select(List<Scenario> known, List<String> selectors) {
        if (selectors == null || selectors.isEmpty()) {
            return known;
        }
        for (String selector : selectors) {
            if (known.stream().noneMatch(scenario -> matches(scenario, selector))) {
                throw new IllegalArgumentException("no scenario '" + selector + "'. Known scenarios: "
                        + known.stream().map(Scenario::name).collect(Collectors.joining(", ")));
            }
        }
        List<Scenario> selected = new ArrayList<>();
        for (Scenario scenario : known) {
            if (selectors.stream().anyMatch(selector -> matches(scenario, selector))) {
                selected.add(scenario);
            }
        }
        return selected;
    }

    private static boolean matches(Scenario scenario, String selector) {
        return scenario.name().equals(selector) || scenario.name().startsWith(selector + ".");
    }
}
