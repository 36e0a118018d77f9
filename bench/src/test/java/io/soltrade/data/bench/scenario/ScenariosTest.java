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
        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z-]+\\.[a-z0-9-]+"));
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
