package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.LIVE_FEED_PUBLISH;
import static io.soltrade.data.ports.PortOperation.LIVE_FEED_SUBSCRIBE;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import java.util.function.Consumer;

/**
 * Publishing offers the channel's latest value (conflated), so repeating it is idempotent; subscribing twice
 * would deliver twice, so a subscription is retried only when nothing was set up.
 */
final class ResilientLiveFeed implements LiveFeed {
    private static final Port PORT = Port.FEED;
    private final LiveFeed delegate;
    private final BackendGuard guard;

    ResilientLiveFeed(LiveFeed delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public void publish(FeedChannel channel, StreamEvent event) {
        guard.run(PORT, LIVE_FEED_PUBLISH, () -> delegate.publish(channel, event));
    }

    @Override
    public FeedSubscription subscribe(FeedChannel channel, Consumer<StreamEvent> listener) {
        return guard.call(PORT, LIVE_FEED_SUBSCRIBE, () -> delegate.subscribe(channel, listener));
    }

    @Override
    public double maxRateHz() {
        return delegate.maxRateHz();
    }
}
