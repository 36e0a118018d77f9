package io.soltrade.data.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageBroadcastTest {

    private static PageEvent event(String type, String key, int value) {
        return new PageEvent(type, key, "{\"v\":" + value + "}");
    }

    @Test
    void aStalledPageIsDroppedAndTheOthersGetEveryEvent() throws InterruptedException {
        PageBroadcast broadcast = new PageBroadcast(100, 4, 10, () -> {});
        ClientBuffer stalled = broadcast.open().orElseThrow();
        ClientBuffer reading = broadcast.open().orElseThrow();
        List<PageEvent> received = new ArrayList<>();

        for (int i = 0; i < 1_000; i++) {
            broadcast.publish(event("trades", "trades:" + i, i));
            if (i % 50 == 49) {
                received.addAll(reading.take(Duration.ZERO));
            }
        }
        received.addAll(reading.take(Duration.ZERO));

        assertThat(stalled.overflowed()).isTrue();
        assertThat(stalled.size()).isZero();
        assertThat(broadcast.dropped()).isEqualTo(1);
        assertThat(broadcast.openPages()).isEqualTo(1);
        assertThat(reading.overflowed()).isFalse();
        assertThat(received).hasSize(1_000);
        assertThat(received.get(999)).isEqualTo(event("trades", "trades:999", 999));
    }

    @Test
    void aSlowPageGetsTheLatestValuePerKeyAndIsNotDropped() throws InterruptedException {
        PageBroadcast broadcast = new PageBroadcast(8, 4, 10, () -> {});
        ClientBuffer slow = broadcast.open().orElseThrow();

        for (int i = 0; i < 10_000; i++) {
            broadcast.publish(event("price", "price:SOL", i));
            broadcast.publish(event("price", "price:JUP", -i));
        }

        assertThat(slow.take(Duration.ZERO)).containsExactly(event("price", "price:SOL", 9_999), event("price", "price:JUP", -9_999));
        assertThat(broadcast.dropped()).isZero();
    }

    @Test
    void aNewPageStartsFromTheSnapshotWithTheNewestKeysOfEachType() throws InterruptedException {
        PageBroadcast broadcast = new PageBroadcast(100, 4, 3, () -> {});
        broadcast.publish(event("hello", "hello", 0));
        for (int i = 0; i < 5; i++) {
            broadcast.publish(event("alert", "alert:" + i, i));
            broadcast.publish(event("price", "price:SOL", i));
        }
        broadcast.retain(event("history", "history:SOL", 7));

        List<PageEvent> snapshot = broadcast.open().orElseThrow().take(Duration.ZERO);

        assertThat(snapshot).containsExactly(event("hello", "hello", 0), event("alert", "alert:2", 2), event("alert", "alert:3", 3),
                event("alert", "alert:4", 4), event("price", "price:SOL", 4), event("history", "history:SOL", 7));
    }

    @Test
    void retainedEventsGoToNewPagesOnly() throws InterruptedException {
        PageBroadcast broadcast = new PageBroadcast(100, 4, 3, () -> {});
        ClientBuffer open = broadcast.open().orElseThrow();

        broadcast.retain(event("history", "history:SOL", 1));

        assertThat(open.take(Duration.ZERO)).isEmpty();
        assertThat(broadcast.open().orElseThrow().take(Duration.ZERO)).containsExactly(event("history", "history:SOL", 1));
    }

    @Test
    void pagesBeyondTheLimitAreRefusedAndTheFirstPageStartsTheReadersOnce() {
        AtomicInteger started = new AtomicInteger();
        PageBroadcast broadcast = new PageBroadcast(100, 2, 3, started::incrementAndGet);
        assertThat(started).hasValue(0);

        ClientBuffer first = broadcast.open().orElseThrow();
        broadcast.open().orElseThrow();

        assertThat(broadcast.open()).isEmpty();
        broadcast.close(first);
        assertThat(first.isClosed()).isTrue();
        assertThat(broadcast.open()).isPresent();
        assertThat(started).hasValue(1);
    }
}
