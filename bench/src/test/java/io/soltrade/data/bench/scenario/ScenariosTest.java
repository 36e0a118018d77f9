package io.soltrade.data.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {
    private final List<Scenario> known = List.of(named("redis.price-get"), named("redis.get-all"), named("postgres.copy"));

    @Test
    void selectsByNameOrBackendInRunOrder() {
        assertThat(Scenarios.select(known, List.of("postgres.copy", "redis"))).extracting(Scenario::name)
                .containsExactly("redis.price-get", "redis.get-all", "postgres.copy");
    }

    @Test
    void noSelectorSelectsAll() {
        assertThat(Scenarios.select(known, List.of())).isEqualTo(known);
    }

    @Test
    void aPrefixThatIsNotABackendSelectsNothing() {
        assertThatThrownBy(() -> Scenarios.select(known, List.of("redis.price"))).hasMessageContaining("no scenario 'redis.price'");
    }

    @Test
    void everyKnownScenarioHasAUniqueWellFormedName() {
        List<String> names = Scenarios.all().stream().map(Scenario::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("(datalayer\\.)?[a-z-]+\\.[a-z0-9-]+"));
    }

    @Test
    void everyDataLayerScenarioFollowsItsAdapterOnlyScenario() {
        List<String> names = Scenarios.all().stream().map(Scenario::name).toList();
        List<String> throughDataLayer = names.stream().filter(name -> name.startsWith("datalayer.")).toList();
        assertThat(throughDataLayer).contains("datalayer.postgres.config-read-50", "datalayer.postgres.config-read-200",
                "datalayer.redis.price-get", "datalayer.redis.get-all-50", "datalayer.redis.put-all-50",
                "datalayer.redis.stream-append", "datalayer.questdb.batch-save",
                "datalayer.memory-adapter.batch-save");
        for (String name : throughDataLayer) {
            String adapterOnly = name.substring("datalayer.".length());
            assertThat(names.indexOf(name)).as(name).isEqualTo(names.indexOf(adapterOnly) + 1);
        }
    }

    @Test
    void theDataLayerSelectorSelectsEveryScenarioThroughTheDataLayer() {
        assertThat(Scenarios.select(Scenarios.all(), List.of("datalayer.postgres"))).extracting(Scenario::name)
                .containsExactly("datalayer.postgres.config-read-50", "datalayer.postgres.config-read-200");
    }

    private static Scenario named(String name) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String measures() {
                return name;
            }

            @Override
            public ScenarioOutcome run(ScenarioContext context) {
                return new ScenarioOutcome(List.of(), List.of());
            }
        };
    }
}
