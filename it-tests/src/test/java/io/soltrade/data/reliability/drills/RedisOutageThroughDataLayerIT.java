package io.soltrade.data.reliability.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.reliability.support.DrillLayer;
import io.soltrade.data.reliability.support.DurableRedisServer;
import io.soltrade.data.reliability.support.Ledger;
import io.soltrade.data.reliability.support.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped and restarted under load, seen through {@link DataLayer} (decorators, breaker, retries, the Redis
 * adapter) on a private {@code redis-server} (AOF, {@code appendfsync always}; never the machine's 6379). While it is
 * down the backend's circuit breaker opens and calls fail fast ({@code UNAVAILABLE}, without waiting for a connect or
 * socket timeout); after the restart the breaker goes half-open with the first call past {@code wait-in-open} and
 * closes after {@code half-open-calls} successes; every acknowledged append is in the stream once, under the id it was
 * given, and no append is there twice (appends are not retried after a connection failure).
 */
class RedisOutageThroughDataLayerIT {
    private static final StreamName STREAM = StreamName.UI_EVENTS;
    private static final int CALLERS = 4;
    /** A call the breaker refuses ends in far less than one connect timeout (500 ms) or socket timeout (1 s). */
    private static final Duration FAST = Duration.ofMillis(300);

    @Test
    void stoppedRedisOpensTheBreakerCallsFailFastAndARestartClosesItWithNothingLostOrDoubled() throws Exception {
        try (DurableRedisServer redis = DurableRedisServer.launch(true);
                DataLayer layer = DrillLayer.start("""
                        soltrade.adapters { prices = redis, pools = redis, streams = redis, feed = redis }
                        soltrade.redis { url = "%s", namespace = "drill", connect-timeout = 500ms, socket-timeout = 1s, stream-max-length = 1000000 }
                        """.formatted(redis.url()))) {
            Ledger<String, UiEvent> appends = new Ledger<>();
            Map<String, StreamEntryId> idsGiven = new java.util.concurrent.ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Long> refusedMillis = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger sequence = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                callers.add(started("redis-drill-caller-" + c, () -> {
                    while (running.get()) {
                        String n = Integer.toString(sequence.incrementAndGet());
                        UiEvent event = UiEvent.of("drill", "append " + n, Map.of("n", n), Instant.now());
                        long start = System.nanoTime();
                        try {
                            idsGiven.put(n, layer.streams().publish(event));
                            appends.acknowledged(n, event);
                            layer.prices().put(ContractFixtures.priceQuote(ContractFixtures.symbol(), 1 + Long.parseLong(n), Instant.now()));
                        } catch (DbException e) {
                            if (!appends.acknowledged().containsKey(n)) {
                                appends.failed(n, event, e);
                            }
                            if (e.kind() == DbErrorKind.UNAVAILABLE) {
                                refusedMillis.add((System.nanoTime() - start) / 1_000_000);
                            } else if (!(e instanceof TransientDbException)) {
                                unexpected.add(e);
                            }
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                    }
                }));
            }
            await("appends acknowledged before the outage").atMost(Duration.ofSeconds(30)).until(() -> appends.acknowledgedCount() >= 100);
            assertThat(DrillLayer.circuit(layer, "redis")).isEqualTo("CLOSED");

            redis.kill();
            await("the redis breaker opens").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "OPEN".equals(DrillLayer.circuit(layer, "redis")));
            HealthReport down = layer.health().stream().filter(report -> report.backend().equals("redis")).findFirst().orElseThrow();
            assertThat(down.state()).isEqualTo(HealthState.DOWN);
            await("calls refused by the open breaker").atMost(Duration.ofSeconds(30)).until(() -> refusedMillis.size() >= 20);
            running.set(false);
            for (Thread caller : callers) {
                caller.join(Duration.ofMinutes(1).toMillis());
                assertThat(caller.isAlive()).as("%s finished", caller.getName()).isFalse();
            }
            assertThat(refusedMillis).as("calls the open breaker refused, each without waiting for a timeout (ms)")
                    .allSatisfy(millis -> assertThat(millis).isLessThan(FAST.toMillis()));

            redis.start();
            assertThat(DrillLayer.circuit(layer, "redis")).as("no call yet: the breaker waits for one").isEqualTo("OPEN");
            // The first call after wait-in-open is let through (half-open), and half-open-calls successes close it.
            await("the first call after wait-in-open goes through").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .ignoreException(TransientDbException.class).until(() -> layer.streams().length(STREAM) >= 0);
            assertThat(DrillLayer.circuit(layer, "redis")).as("after one successful call").isEqualTo("HALF_OPEN");
            assertThat(layer.health()).filteredOn(report -> report.backend().equals("redis")).extracting(HealthReport::state)
                    .containsExactly(HealthState.DEGRADED);
            layer.streams().length(STREAM);
            layer.streams().length(STREAM);
            assertThat(DrillLayer.circuit(layer, "redis")).as("after half-open-calls successes").isEqualTo("CLOSED");
            assertThat(layer.health()).filteredOn(report -> report.backend().equals("redis")).extracting(HealthReport::state)
                    .containsExactly(HealthState.UP);

            List<StreamEntry> entries = new ArrayList<>();
            StreamEntryId after = StreamEntryId.ZERO;
            StreamBatch batch;
            do {
                batch = layer.streams().read(STREAM, after, 10_000, Duration.ZERO);
                entries.addAll(batch.entries());
                after = batch.nextAfter(after);
            } while (!batch.entries().isEmpty());
            assertThat(unexpected).as("failures other than TransientDbException").isEmpty();
            assertThat(appends.failures()).as("appends reported failed during the outage").isNotEmpty();
            Rows.assertHoldsExactly("stream after the restart", entries.stream().map(entry -> (UiEvent) entry.event()).toList(),
                    appends.acknowledged(), appends.unacknowledged(), event -> event.attributes().get("n"));
            for (StreamEntry entry : entries) {
                String n = ((UiEvent) entry.event()).attributes().get("n");
                if (appends.acknowledged().containsKey(n)) {
                    assertThat(entry.id()).as("id of append %s", n).isEqualTo(idsGiven.get(n));
                }
            }
            System.out.printf("RedisOutageThroughDataLayerIT: %d appends acknowledged, %d reported failed, %d refused by the open breaker "
                    + "(slowest %d ms)%n", appends.acknowledgedCount(), appends.failures().size(), refusedMillis.size(),
                    refusedMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
