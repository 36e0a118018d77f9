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
    void readsAnEmptyObjectAndRejectsGarbage() {
        assertThat(LabelsJson.parse("{}")).isEmpty();
        assertThatThrownBy(() -> LabelsJson.parse("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelsJson.parse("{\"a\":\"b\"} x")).isInstanceOf(IllegalArgumentException.class);
    }
}
