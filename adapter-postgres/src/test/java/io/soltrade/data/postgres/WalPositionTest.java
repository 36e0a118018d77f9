package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalPositionTest {

    @Test
    void parsesAndPrintsTheServersTextForm() {
        assertThat(WalPosition.parse("16/B374D848").value()).isEqualTo(0x16_B374_D848L);
        assertThat(WalPosition.parse("0/3000148")).hasToString("0/3000148");
        assertThat(WalPosition.parse("FFFFFFFF/FFFFFFFF")).isEqualTo(WalPosition.END);
        assertThat(WalPosition.parse("0/0")).isEqualTo(WalPosition.START);
    }

    @Test
    void ordersAcrossTheLowHalfAndAsUnsigned() {
        WalPosition low = WalPosition.parse("0/FFFFFFFF");
        WalPosition high = WalPosition.parse("1/0");

        assertThat(high.reached(low)).isTrue();
        assertThat(low.reached(high)).isFalse();
        assertThat(low.reached(low)).isTrue();
        assertThat(low.max(high)).isEqualTo(high);
        assertThat(high.max(low)).isEqualTo(high);
        assertThat(WalPosition.END.reached(WalPosition.parse("80000000/0"))).as("the top bit is not a sign").isTrue();
        assertThat(WalPosition.parse("80000000/0").reached(high)).isTrue();
        assertThat(WalPosition.START.reached(high)).isFalse();
    }

    @Test
    void rejectsTextThatIsNotAPosition() {
        for (String bad : new String[] {"", "0", "/1", "1/", "G/0", "123456789/0", "0/123456789", "-1/0", "0/3 "}) {
            assertThatThrownBy(() -> WalPosition.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
