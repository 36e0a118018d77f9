package io.soltrade.data.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FeedChannel's equality is written out (the live feed's lookup, see its javadoc): it must stay a value's. */
class FeedChannelTest {

    @Test
    void channelsOfTheSameNameAndStreamAreEqualAndFindEachOthersEntries() {
        FeedChannel one = new FeedChannel(new String("prices.SOL"), StreamName.PRICE_UPDATES);
        FeedChannel same = FeedChannel.prices(TokenSymbol.of("SOL"));
        Map<FeedChannel, String> byChannel = new HashMap<>();
        byChannel.put(one, "first");

        assertThat(same).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(byChannel.get(same)).isEqualTo("first");
    }

    @Test
    void anotherNameOrAnotherStreamIsAnotherChannel() {
        FeedChannel channel = new FeedChannel("prices.SOL", StreamName.PRICE_UPDATES);

        assertThat(channel)
                .isNotEqualTo(new FeedChannel("prices.BONK", StreamName.PRICE_UPDATES))
                .isNotEqualTo(new FeedChannel("prices.SOL", StreamName.TRADE_EVENTS))
                .isNotEqualTo(null)
                .isNotEqualTo("prices.SOL");
    }
}
