package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Settings checked once ({@link TraderConfig#settingsOf}) and kept as they are by the configurations built on them. */
class TraderConfigSettingsTest {
    private static final RiskLimits LIMITS = new RiskLimits(TokenAmount.of(1_000), TokenAmount.of(500), 50, 10);
    private static final MevProtection MEV = new MevProtection(true, 0.5, TokenAmount.of(10), false);

    private static TraderConfig config(SortedMap<String, String> settings) {
        return new TraderConfig(TraderId.of("trader-1"), TradingMode.PAPER, LIMITS, MEV, settings, 3);
    }

    @Test
    void checkedSettingsAreKeptAsTheyAreSoAStoreCanShareThem() {
        SortedMap<String, String> checked = TraderConfig.settingsOf(Map.of("b", "2", "a", "1"));

        assertThat(config(checked).settings()).isSameAs(checked);
        assertThat(config(checked).withVersion(4).settings()).isSameAs(checked);
        assertThat(TraderConfig.settingsOf(checked)).isSameAs(checked);
        assertThat(checked).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(config(checked)).isEqualTo(config(new TreeMap<>(Map.of("a", "1", "b", "2"))));
    }

    @Test
    void checkedSettingsCannotBeChanged() {
        SortedMap<String, String> checked = TraderConfig.settingsOf(Map.of("a", "1"));

        assertThatThrownBy(() -> checked.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> checked.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> checked.entrySet().iterator().next().setValue("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> checked.headMap("z").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(checked).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void anyOtherMapIsCheckedAndCopied() {
        TreeMap<String, String> mine = new TreeMap<>(Map.of("a", "1"));
        TraderConfig config = config(mine);
        mine.put("b", "2");

        assertThat(config.settings()).containsExactly(Map.entry("a", "1"));
        assertThatThrownBy(() -> config(new TreeMap<>(Map.of("9bad", "1")))).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("settings key");
        assertThatThrownBy(() -> TraderConfig.settingsOf(Map.of("a", " "))).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> TraderConfig.settingsOf(null)).isInstanceOf(DomainValidationException.class);
    }
}
