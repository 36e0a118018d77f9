package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.contract.EventStreamContract;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisEventStream} on a 3-master Redis Cluster: the {@link EventStreamContract} kit (appends and dead-lettering
 * are scripts over a stream and its companion keys, which share the stream's hash tag), plus the three streams on their
 * own slots.
 */
class RedisEventStreamClusterIT extends EventStreamContract {
    private static final int MAX_DELIVERIES = 3;
    private static final Map<Long, RedisTestAdapter> CAPPED = new ConcurrentHashMap<>();
    private static final List<TestingRedisCluster.Namespace> CAPPED_NAMESPACES = new CopyOnWriteArrayList<>();

    private static TestingRedisCluster.Namespace namespace;
    private static RedisTestAdapter adapter;

    @BeforeAll
    static void start() {
        namespace = TestingRedisCluster.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().maxDeliveries(MAX_DELIVERIES).build());
    }

    @AfterAll
    static void stop() {
        CAPPED.values().forEach(RedisTestAdapter::close);
        CAPPED_NAMESPACES.forEach(TestingRedisCluster.Namespace::close);
        adapter.close();
        namespace.close();
    }

    @Override
    protected EventStream eventStream() {
        return adapter.eventStream();
    }

    @Override
    protected EventStream eventStream(long cap) {
        return CAPPED.computeIfAbsent(cap, c -> {
            TestingRedisCluster.Namespace capped = TestingRedisCluster.shared().freshNamespace();
            CAPPED_NAMESPACES.add(capped);
            return new RedisTestAdapter(capped.settings().streamMaxLength(c).maxDeliveries(MAX_DELIVERIES).build());
        }).eventStream();
    }

    @Override
    protected int maxDeliveries() {
        return MAX_DELIVERIES;
    }

    @Test
    void aBatchOverEveryStreamIsAppendedOnTheNodesThatOwnThem() {
        EventStream stream = adapter.eventStream();
        long before = stream.length(StreamName.UI_EVENTS) + stream.length(StreamName.PRICE_UPDATES);
        stream.publishAll(IntStream.range(0, 30).mapToObj(i -> i % 2 == 0 ? TestValues.uiEvent("n" + i) : TestValues.priceEvent(i)).toList());

        assertThat(stream.length(StreamName.UI_EVENTS) + stream.length(StreamName.PRICE_UPDATES) - before).isEqualTo(30);
    }
}
