package io.soltrade.data.memory;

import io.soltrade.data.ports.StreamEntryId;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One consumer group of a {@link CappedStreamLog}: the id it delivered up to, and its pending entries (delivered,
 * not yet acknowledged) with their owner, delivery count and latest delivery time. Guarded by the log's lock.
 */
final class ConsumerGroup {
    /** A delivered, unacknowledged entry. */
    static final class Pending {
        String consumer;
        int deliveries;
        Instant deliveredAt;

        Pending(String consumer, Instant deliveredAt) {
            this.consumer = consumer;
            this.deliveries = 1;
            this.deliveredAt = deliveredAt;
        }

        void redeliverTo(String newConsumer, Instant at) {
            consumer = newConsumer;
            deliveries++;
            deliveredAt = at;
        }
    }

    StreamEntryId lastDelivered;
    final NavigableMap<StreamEntryId, Pending> pending = new TreeMap<>();

    ConsumerGroup(StreamEntryId lastDelivered) {
        this.lastDelivered = lastDelivered;
    }
}
