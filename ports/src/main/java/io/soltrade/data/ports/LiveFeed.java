package io.soltrade.data.ports;

import io.soltrade.data.domain.StreamEvent;
import java.util.function.Consumer;

/**
 * Low-latency pub/sub for user interfaces, at most {@link #maxRateHz()} messages per second per channel
 * (10 Hz by default). Publishing conflates: events published between two ticks are collapsed to the latest,
 * so a burst never queues up. Delivery is at-most-once; a subscriber that needs every event reads the
 * channel's stream.
 */
public interface LiveFeed {

    /**
     * Offers {@code event} as the channel's latest value; it is sent on the channel's next tick, or at once when the
     * channel has been quiet for a tick (an adapter may then send it before this returns). A failed send is not thrown
     * here: the value is kept, unless a newer one replaces it, and sent when the backend is back.
     */
    void publish(FeedChannel channel, StreamEvent event);

    /** Calls {@code listener} for every message on {@code channel}, resubscribing after a lost connection. */
    FeedSubscription subscribe(FeedChannel channel, Consumer<StreamEvent> listener);

    double maxRateHz();
}
