package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.questdb.client.std.Decimal256;
import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SenderRowSinkTest {

    @Property
    void everyU64BitPatternBecomesTheSameUnsignedDecimal(@ForAll long bits) {
        Decimal256 decimal = SenderRowSink.unsigned(new Decimal256(), bits);

        assertThat(Decimal256.toBigDecimal(decimal.getHh(), decimal.getHl(), decimal.getLh(), decimal.getLl(), decimal.getScale()))
                .isEqualTo(new BigDecimal(Long.toUnsignedString(bits)));
    }

    @Test
    void theExtremesOfTheU64Range() {
        assertThat(toBigDecimal(SenderRowSink.unsigned(new Decimal256(), -1L))).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(toBigDecimal(SenderRowSink.unsigned(new Decimal256(), Long.MIN_VALUE))).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(toBigDecimal(SenderRowSink.unsigned(new Decimal256(), 0L))).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void timestampsTravelAsEpochMicros() {
        assertThat(SenderRowSink.epochMicros(Instant.parse("2026-01-02T03:04:05.123456Z"))).isEqualTo(1_767_323_045_123_456L);
        assertThat(SenderRowSink.epochMicros(Instant.EPOCH)).isZero();
    }

    private static BigDecimal toBigDecimal(Decimal256 d) {
        return Decimal256.toBigDecimal(d.getHh(), d.getHl(), d.getLh(), d.getLl(), d.getScale());
    }
}
