package io.soltrade.data.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ClientBufferTest {

    private static PageEvent event(String key, String value) {
        return new PageEvent("price", key, "{\"v\":\"" + value + "\"}");
    }

    @Test
    void conflationKeepsTheLatestEventPerKeyInFirstArrivalOrder() throws InterruptedException {
        ClientBuffer buffer = new ClientBuffer(10);
        buffer.offer(event("price:SOL", "1"));
        buffer.offer(event("price:JUP", "1"));
        buffer.offer(event("price:SOL", "2"));
        buffer.offer(event("price:SOL", "3"));

        List<PageEvent> taken = buffer.take(Duration.ZERO);

        assertThat(taken).containsExactly(event("price:SOL", "3"), event("price:JUP", "1"));
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aFullBufferConflatesKnownKeysButClosesOnANewOne() throws InterruptedException {
        ClientBuffer buffer = new ClientBuffer(2);
        assertThat(buffer.offer(event("a", "1"))).isTrue();
        assertThat(buffer.offer(event("b", "1"))).isTrue();
        assertThat(buffer.offer(event("a", "2"))).as("a key already waiting replaces its event, full or not").isTrue();

        assertThat(buffer.offer(event("c", "1"))).isFalse();

        assertThat(buffer.overflowed()).isTrue();
        assertThat(buffer.isClosed()).isTrue();
        assertThat(buffer.size()).as("a page that fell behind holds nothing").isZero();
        assertThat(buffer.offer(event("a", "3"))).isFalse();
        assertThat(buffer.take(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void takeWaitsForTheNextEventAndCloseReleasesIt() {
        ClientBuffer buffer = new ClientBuffer(4);
        CompletableFuture<List<PageEvent>> waiting = CompletableFuture.supplyAsync(() -> take(buffer, Duration.ofMinutes(1)));
        buffer.offer(event("a", "1"));
        await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
        assertThat(waiting.join()).containsExactly(event("a", "1"));

        CompletableFuture<List<PageEvent>> released = CompletableFuture.supplyAsync(() -> take(buffer, Duration.ofMinutes(1)));
        buffer.close();
        await().atMost(Duration.ofSeconds(10)).until(released::isDone);
        assertThat(released.join()).isEmpty();
        assertThat(buffer.overflowed()).isFalse();
    }

    @Test
    void takeReturnsEmptyWhenNothingCameInTime() throws InterruptedException {
        assertThat(new ClientBuffer(4).take(Duration.ofMillis(20))).isEmpty();
    }

    private static List<PageEvent> take(ClientBuffer buffer, Duration timeout) {
        try {
            return buffer.take(timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
