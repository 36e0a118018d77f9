package io.soltrade.data.redis;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PortInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.Response;

/**
 * {@link LiveFeed} on Redis pub/sub, channel {@code <ns>:feed:<name>}.
 *
 * <p><b>Publishing conflates.</b> {@link #publish} only replaces the channel's latest value; one scheduler thread
 * ticks at the feed rate and sends each channel's latest value, all due channels in one pipelined round trip. A
 * {@link RateWindow} per channel keeps it to at most {@code rate} messages in any second, even when a tick runs
 * late: a channel whose window is full is sent the moment it frees up, so no tick's value waits a whole period.
 * <b>Leading edge:</b> a value published when nothing of the channel is waiting is offered to the scheduler thread at
 * once (so a channel's sends stay in order) and sent right away when the channel's last send is at least three
 * quarters of a period old: a sparse event, or each event of a publisher at or below the rate, goes out without
 * waiting for a tick (the quarter period absorbs a publisher's jitter). Otherwise it is sent when that spacing has
 * passed; once values have been conflated (a busy channel) the spacing is a whole period, so a busy channel gets
 * evenly spaced messages at the rate. A failed send keeps the value (unless a newer one came) for the next tick.
 *
 * <p><b>Only live channels cost anything.</b> A tick looks at the channels that had something to send since the
 * previous one, not at every channel ever published to; a channel that went quiet leaves that set, and once its rate
 * window is empty too (no send within the last window) it is forgotten altogether, so the map holds only channels
 * used within about a second. The ticker thread starts with the first publish: a feed that is only built (or whose
 * module failed to start) holds no thread.
 *
 * <p><b>Subscribers</b> each hold a dedicated connection on a thread of their own (see
 * {@link RedisFeedSubscription}), never a pooled one, and resubscribe with backoff after the connection drops. The
 * scheduler thread PINGs every subscription each half socket timeout, so a quiet channel's subscriber never times
 * out its read (and misses what comes while it reconnects); only a connection that stopped answering does.
 * Delivery is at-most-once: a subscriber that must see every event reads the channel's stream.
 */
final class RedisLiveFeed implements LiveFeed, ManagedResource {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLiveFeed.class);
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(3);

    private final RedisConnections connections;
    private final RedisKeys keys;
    private final StreamEventCodec codec;
    private final double rateHz;
    private final Duration subscribeWait;
    private final ScheduledExecutorService scheduler;
    private final Map<FeedChannel, ChannelState> channels = new ConcurrentHashMap<>();
    /** Channels a tick must look at: published to, or sent, since they were last found quiet. */
    private final Set<ChannelState> active = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean keepingAlive = new AtomicBoolean();
    private final long periodNanos;
    /** How long after a channel's last send a value published with nothing waiting is sent at once (3/4 period). */
    private final long leadingGapNanos;
    private final long forgetAfterNanos;
    private long lastSweepNanos;
    private final LongAdder examined = new LongAdder();
    private final Set<RedisFeedSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder sent = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();

    RedisLiveFeed(RedisConnections connections, RedisKeys keys, StreamEventCodec codec, double rateHz, Duration subscribeWait) {
        this.connections = connections;
        this.keys = keys;
        this.codec = codec;
        this.rateHz = rateHz;
        this.subscribeWait = subscribeWait;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-feed-publisher-" + keys.namespace());
            thread.setDaemon(true);
            return thread;
        });
        this.periodNanos = Math.round(1_000_000_000.0 / rateHz);
        this.leadingGapNanos = periodNanos * 3 / 4;
        this.forgetAfterNanos = RateWindow.forRate(rateHz).windowNanos();
    }

    @Override
    public void publish(FeedChannel channel, StreamEvent event) {
        PortInput.notNull(channel, "channel", RedisErrors.BACKEND);
        PortInput.notNull(event, "event", RedisErrors.BACKEND);
        if (event.stream() != channel.stream()) {
            throw DbException.invalidInput(RedisErrors.BACKEND, "a " + event.stream() + " event does not belong on channel " + channel.name()
                    + " of stream " + channel.stream(), null);
        }
        if (closed.get()) {
            throw DbException.of(DbErrorKind.CLOSED, RedisErrors.BACKEND, "publish to " + channel.name() + " failed: the live feed is closed");
        }
        // Set inside compute, so a sweep forgetting a quiet channel (also a compute) never drops this value.
        boolean[] nothingWaiting = new boolean[1];
        ChannelState state = channels.compute(channel, (c, existing) -> {
            ChannelState current = existing != null ? existing : new ChannelState(c, keys.feed(c), RateWindow.forRate(rateHz),
                    System.nanoTime() - forgetAfterNanos);
            nothingWaiting[0] = current.latest.getAndSet(event) == null;
            if (!nothingWaiting[0]) {
                current.conflated = true;
            }
            return current;
        });
        ensureTicking();
        if (state.idle.compareAndSet(true, false)) {
            active.add(state);
        }
        if (nothingWaiting[0]) {
            try {
                scheduler.execute(() -> offer(state));
            } catch (RejectedExecutionException e) {
                // Closing: the final drain sends it, or close reports it.
            }
        }
    }

    /** PINGs every subscription each half socket timeout, so a quiet channel's subscriber never times out its read. */
    private void ensureKeepingAlive() {
        if (!keepingAlive.get() && keepingAlive.compareAndSet(false, true)) {
            long every = Math.max(1, connections.socketTimeout().toMillis() / 2);
            try {
                scheduler.scheduleWithFixedDelay(() -> subscriptions.forEach(RedisFeedSubscription::keepAlive), every, every, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Closing: the subscriptions close too.
            }
        }
    }

    private void ensureTicking() {
        if (!ticking.get() && ticking.compareAndSet(false, true)) {
            try {
                scheduler.scheduleAtFixedRate(this::tickSafely, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // Closing: the final drain sends what was published.
            }
        }
    }

    /**
     * Returns once Redis confirmed the subscription, so every event published afterwards reaches the listener
     * (barring a lost connection); throws {@code TransientDbException} when it cannot confirm it in time.
     */
    @Override
    public FeedSubscription subscribe(FeedChannel channel, Consumer<StreamEvent> listener) {
        PortInput.notNull(channel, "channel", RedisErrors.BACKEND);
        PortInput.notNull(listener, "listener", RedisErrors.BACKEND);
        if (closed.get()) {
            throw DbException.of(DbErrorKind.CLOSED, RedisErrors.BACKEND, "subscribe to " + channel.name() + " failed: the live feed is closed");
        }
        RedisFeedSubscription subscription = new RedisFeedSubscription(connections, keys.feed(channel), codec, listener, subscriptions::remove);
        subscriptions.add(subscription);
        ensureKeepingAlive();
        if (!subscription.start(subscribeWait)) {
            subscription.close();
            throw DbException.of(DbErrorKind.CONNECTION, RedisErrors.BACKEND,
                    "subscribe to " + channel.name() + " failed: redis did not confirm the subscription within " + subscribeWait);
        }
        return subscription;
    }

    @Override
    public double maxRateHz() {
        return rateHz;
    }

    /** Messages sent to Redis so far, over every channel. */
    long sent() {
        return sent.sum();
    }

    long sendFailures() {
        return sendFailures.sum();
    }

    /** Channels the feed holds state for now (published to within about the last window). */
    int channelCount() {
        return channels.size();
    }

    /** Channel states the ticks have looked at so far, summed over every tick. */
    long channelsExamined() {
        return examined.sum();
    }

    @Override
    public String name() {
        return "redis live feed (" + keys.namespace() + ")";
    }

    /**
     * Stops publishing after sending the channels' latest values (within the rate, within a few seconds), then
     * closes every subscription. Throws CLOSED naming the channels whose latest value could not be sent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Set<String> undelivered = new TreeSet<>();
        if (ticking.get()) {
            try {
                scheduler.submit(() -> drain(System.nanoTime() + CLOSE_DEADLINE.toNanos())).get(CLOSE_DEADLINE.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("live feed could not send its last values", e);
            }
        }
        scheduler.shutdownNow();
        channels.values().stream().filter(state -> state.latest.get() != null).forEach(state -> undelivered.add(state.channel.name()));
        for (RedisFeedSubscription subscription : List.copyOf(subscriptions)) {
            subscription.close();
        }
        if (!undelivered.isEmpty()) {
            throw DbException.of(DbErrorKind.CLOSED, RedisErrors.BACKEND, "live feed closed without sending the latest value of channels " + undelivered);
        }
    }

    private void drain(long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            tick();
            long wait = Long.MAX_VALUE;
            long now = System.nanoTime();
            for (ChannelState state : channels.values()) {
                if (state.latest.get() != null) {
                    wait = Math.min(wait, Math.max(1_000_000L, waitNanos(state, now)));
                }
            }
            if (wait == Long.MAX_VALUE) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, deadlineNanos - now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // Never let an exception cancel the periodic task.
            LOG.warn("live feed tick failed", e);
        }
    }

    /**
     * Sends every active channel whose latest value is new and whose window allows it, schedules the others, and
     * lets the quiet ones go; about once a window, forgets the channels that have been quiet for a whole window.
     */
    private void tick() {
        long now = System.nanoTime();
        List<ChannelState> due = new ArrayList<>();
        for (ChannelState state : active) {
            examined.increment();
            if (state.latest.get() == null) {
                // Nothing waiting since the last tick: leave the set the ticks look at; the next publish brings it back.
                state.idle.set(true);
                active.remove(state);
                if (state.latest.get() != null && state.idle.compareAndSet(true, false)) {
                    active.add(state); // a publish came in between and left it to this tick
                }
                continue;
            }
            long wait = waitNanos(state, now);
            if (wait <= 0) {
                due.add(state);
            } else {
                sendLater(state, wait);
            }
        }
        sendNow(due);
        if (now - lastSweepNanos >= forgetAfterNanos) {
            lastSweepNanos = now;
            forgetQuietChannels(now);
        }
    }

    /** Drops the state of channels with nothing to send and no send within the last window (so no rate to keep). */
    private void forgetQuietChannels(long now) {
        for (ChannelState state : channels.values()) {
            if (state.idle.get() && state.latest.get() == null && !state.retryScheduled.get() && state.window.isQuiet(now)) {
                channels.computeIfPresent(state.channel, (channel, current) -> current == state && current.idle.get()
                        && current.latest.get() == null && !current.retryScheduled.get() ? null : current);
            }
        }
    }

    private void sendNow(List<ChannelState> candidates) {
        long now = System.nanoTime();
        List<ChannelState> states = new ArrayList<>(candidates.size());
        List<StreamEvent> events = new ArrayList<>(candidates.size());
        for (ChannelState state : candidates) {
            long wait = state.window.waitNanos(now);
            if (wait > 0) {
                // Found the window full (a publisher right at the rate): at the moment it frees.
                if (state.latest.get() != null) {
                    sendLater(state, wait);
                }
                continue;
            }
            state.conflated = false;
            StreamEvent event = state.latest.getAndSet(null);
            if (event != null) {
                state.window.record(now);
                state.lastSentNanos = now;
                states.add(state);
                events.add(event);
            }
        }
        if (states.isEmpty()) {
            return;
        }
        try {
            connections.pipelinedOnce("live feed publish", pipeline -> {
                List<Response<Long>> replies = new ArrayList<>(states.size());
                for (int i = 0; i < states.size(); i++) {
                    String channel = states.get(i).redisChannel;
                    String message = codec.encode(events.get(i));
                    // On a cluster a channel lives on the master of its slot (sharded pub/sub), not on every node.
                    replies.add(pipeline instanceof ClusterPipeline sharded ? sharded.spublish(channel, message) : pipeline.publish(channel, message));
                }
                pipeline.sync();
                return replies.size();
            });
            sent.add(states.size());
        } catch (DbException e) {
            sendFailures.increment();
            for (int i = 0; i < states.size(); i++) {
                states.get(i).latest.compareAndSet(null, events.get(i));
            }
            LOG.warn("live feed publish failed, keeping the latest values for the next tick: {}", e.getMessage());
        }
    }

    /**
     * Sends a value published when nothing of its channel was waiting: at once when the channel's last send is at
     * least 3/4 period old and its window has room (the leading edge), else when both allow it. Scheduler thread only.
     */
    private void offer(ChannelState state) {
        if (state.latest.get() == null) {
            return;
        }
        long now = System.nanoTime();
        long wait = waitNanos(state, now);
        if (wait <= 0) {
            sendNow(List.of(state));
        } else {
            sendLater(state, wait);
        }
    }

    /**
     * How long {@code state}'s waiting value must still wait: for its rate window, and for the spacing after the
     * channel's last send: 3/4 period for a value that is the only one offered since (a publisher at or below the
     * rate, whose jitter the quarter absorbs), a whole period once values were conflated (a busy channel, which so
     * gets evenly spaced messages at the rate rather than bursts the window cuts off).
     */
    private long waitNanos(ChannelState state, long now) {
        long spacing = state.conflated ? periodNanos : leadingGapNanos;
        return Math.max(state.window.waitNanos(now), state.lastSentNanos + spacing - now);
    }

    /** Offers {@code state}'s latest value again in {@code waitNanos} (one timer per channel at a time). */
    private void sendLater(ChannelState state, long waitNanos) {
        if (state.retryScheduled.compareAndSet(false, true) && !closed.get()) {
            try {
                scheduler.schedule(() -> {
                    state.retryScheduled.set(false);
                    offer(state);
                }, waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                state.retryScheduled.set(false); // closing: the final drain sends it, or close reports it
            }
        }
    }

    /** One channel's latest unsent value and its send times. Only the scheduler thread touches the window. */
    private static final class ChannelState {
        final FeedChannel channel;
        final String redisChannel;
        final RateWindow window;
        final AtomicReference<StreamEvent> latest = new AtomicReference<>();
        final AtomicBoolean retryScheduled = new AtomicBoolean();
        /** Not in the set the ticks look at: the last tick found nothing to send (or none has run since it was made). */
        final AtomicBoolean idle = new AtomicBoolean(true);
        /** When the scheduler last sent this channel (written by it only). */
        volatile long lastSentNanos;
        /** A value waiting to be sent was replaced since the last send: the channel is busy (set by publishers). */
        volatile boolean conflated;

        ChannelState(FeedChannel channel, String redisChannel, RateWindow window, long lastSentNanos) {
            this.channel = channel;
            this.redisChannel = redisChannel;
            this.window = window;
            this.lastSentNanos = lastSentNanos;
        }
    }
}
