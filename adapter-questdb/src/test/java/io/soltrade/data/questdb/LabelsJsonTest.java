package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.MetricPoint;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LabelsJsonTest {

    @Property
    void readsBackWhatMetricPointWrites(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String key,
                                        @ForAll @NotBlank @Chars({'a', 'Z', '"', '\\', ' ', '{', ',', ':', '}', 'é', '/'}) @StringLength(min = 1, max = 30) String value) {
        MetricPoint point = MetricPoint.of("m", 1.0, Map.of(key, value, "zz", "last"), Instant.EPOCH);

        assertThat(LabelsJson.parse(point.labelsJson())).isEqualTo(point.labels());
    }

    @Test
    void charactersOutsideTheBmpAreStoredAsAsciiEscapesAndReadBack() {
        MetricPoint point = MetricPoint.of("m", 1.0, Map.of("flag", "\uD83C\uDDEB\uD83C\uDDF7 ok", "emoji", "\uD83D\uDE80"), Instant.EPOCH);

        String stored = LabelsJson.forStorage(point.labelsJson());

        assertThat(stored).isEqualTo("{\"emoji\":\"\\ud83d\\ude80\",\"flag\":\"\\ud83c\\uddeb\\ud83c\\uddf7 ok\"}");
        assertThat(stored.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
        assertThat(LabelsJson.parse(stored)).isEqualTo(point.labels());
        assertThat(LabelsJson.forStorage("{\"a\":\"b\"}")).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void readsAnEmptyObjectAndRejectsGarbage() {
        assertThat(LabelsJson.parse("{}")).isEmpty();
        assertThatThrownBy(() -> LabelsJson.parse("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelsJson.parse("{\"a\":\"b\"} x")).isInstanceOf(IllegalArgumentException.class);
    }
}
