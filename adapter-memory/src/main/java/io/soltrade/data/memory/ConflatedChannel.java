package io.soltrade.data.memory;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One live-feed channel: the latest event offered since the last tick (older ones are overwritten, which is
 * the conflation) and the channel's subscribers. Publishers and the ticker meet only in an atomic swap.
 */
final class ConflatedChannel {
    private final FeedChannel channel;
    private final AtomicReference<StreamEvent> latest = new AtomicReference<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong listenerFailures;
    private final Consumer<ConflatedChannel> onUnsubscribed;

    /** @param onUnsubscribed told when a subscriber leaves, so the feed can forget a channel nobody uses */
    ConflatedChannel(FeedChannel channel, AtomicLong listenerFailures, Consumer<ConflatedChannel> onUnsubscribed) {
        this.channel = channel;
        this.listenerFailures = listenerFailures;
        this.onUnsubscribed = onUnsubscribed;
    }

    FeedChannel channel() {
        return channel;
    }

    /** Makes {@code event} the latest; true when none was waiting, i.e. the channel has just become due for a tick. */
    boolean offer(StreamEvent event) {
        return latest.getAndSet(event) == null;
    }

    /** No subscriber and nothing waiting: the feed may forget the channel. */
    boolean isUnused() {
        return subscribers.isEmpty() && latest.get() == null;
    }

    Subscriber subscribe(Consumer<StreamEvent> listener) {
        Subscriber subscriber = new Subscriber(listener);
        subscribers.add(subscriber);
        return subscriber;
    }

    /** Delivers the latest event, if one came since the last tick, to every open subscriber. */
    void tick() {
        StreamEvent event = latest.getAndSet(null);
        if (event == null) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            subscriber.deliver(event);
        }
    }

    /** A subscription; a listener that throws is counted and keeps its subscription. */
    final class Subscriber implements FeedSubscription {
        private final Consumer<StreamEvent> listener;
        private final AtomicLong delivered = new AtomicLong();
        private volatile boolean open = true;

        private Subscriber(Consumer<StreamEvent> listener) {
            this.listener = listener;
        }

        private void deliver(StreamEvent event) {
            if (!open) {
                return;
            }
            delivered.incrementAndGet();
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
            }
        }

        @Override
        public long delivered() {
            return delivered.get();
        }

        @Override
        public void close() {
            open = false;
            if (subscribers.remove(this)) {
                onUnsubscribed.accept(ConflatedChannel.this);
            }
        }
    }
}
