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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LiveFeed} on Redis pub/sub, channel {@code <ns>:feed:<name>}.
 *
 * <p><b>A value to a channel that can take it goes out at once, on the publisher's thread.</b> {@link #publish}
 * replaces the channel's latest value; when nothing of the channel was waiting and its {@link RatePacer} allows a send
 * now, the publishing thread sends it itself ({@code PUBLISH}, as a raw client would) before {@code publish} returns:
 * a sparse event, or each event of a publisher at or below the rate (jitter of up to a quarter period included),
 * costs no thread hand-off and no tick. Otherwise the value waits: one scheduler thread sends it when the pacer
 * allows, and ticks at the feed rate, sending every waiting channel in one pipelined round trip. Once a channel's
 * values are being conflated (a busy channel) its sends are strict, a whole period apart, so a busy channel gets
 * evenly spaced messages at the rate, at most {@code rate} in any second; a channel that is not conflated gets at most
 * one more than that in one second and never more than the rate on average (see {@link RatePacer}).
 *
 * <p><b>Order.</b> Each channel has a lock that every send of it holds from taking the value until Redis replied
 * (and, on failure, until the value is put back): the scheduler waits for it, a publisher only tries it and, finding it
 * held (another publisher's send, or the scheduler's), leaves its value to the scheduler. So of a channel's values the
 * later is never sent before the earlier, whichever threads publish and send them. <b>Bounds.</b> A publisher's own
 * send waits at most for a pooled connection (the pool's wait, the socket timeout) and the reply (the socket timeout);
 * at most {@code callerSends} publishers send at once (the others leave their value to the scheduler, so the feed never
 * holds more than that many pooled connections plus the scheduler's); and after a failed send publishers leave every
 * value to the scheduler until one of its sends succeeds, so a frozen Redis stalls at most the publishers already
 * sending, once. {@code publish} never throws for a failed send: the value is kept (unless a newer one came) for the
 * next tick, and {@link #close()} names the channels whose latest value it could not send.
 *
 * <p><b>Only live channels cost anything.</b> A tick looks at the channels that had something to send since the
 * previous one, not at every channel ever published to; a channel that went quiet leaves that set, and once its pacer
 * is quiet too (its next send due) it is forgotten at the next sweep (about once a second), so the map holds only
 * channels used within about a second. The ticker thread starts with the first publish: a feed that is only built (or
 * whose module failed to start) holds no thread.
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
    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RedisConnections connections;
    private final RedisKeys keys;
    private final StreamEventCodec codec;
    private final FeedSender sender;
    private final double rateHz;
    private final Duration subscribeWait;
    private final ScheduledExecutorService scheduler;
    private final Map<FeedChannel, ChannelState> channels = new ConcurrentHashMap<>();
    /** Channels a tick must look at: published to, or sent, since they were last found quiet. */
    private final Set<ChannelState> active = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean keepingAlive = new AtomicBoolean();
    private final long periodNanos;
    /** Publishers' own sends in flight at once; past it a publisher leaves its value to the scheduler. */
    private final Semaphore callerSends;
    /** The last send failed: publishers leave their values to the scheduler until one of its sends succeeds. */
    private volatile boolean sendsFailing;
    private long lastSweepNanos;
    private final LongAdder examined = new LongAdder();
    private final Set<RedisFeedSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder sent = new LongAdder();
    private final LongAdder sentByPublishers = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();

    RedisLiveFeed(RedisConnections connections, RedisKeys keys, StreamEventCodec codec, double rateHz, Duration subscribeWait, int callerSends) {
        this(connections, keys, codec, FeedSender.redis(connections), rateHz, subscribeWait, callerSends);
    }

    /** With the transport given: tests wrap the Redis one to hold a send in flight or fail it. */
    RedisLiveFeed(RedisConnections connections, RedisKeys keys, StreamEventCodec codec, FeedSender sender, double rateHz, Duration subscribeWait,
            int callerSends) {
        if (callerSends < 0) {
            throw new IllegalArgumentException("callerSends must not be negative: " + callerSends);
        }
        this.connections = connections;
        this.keys = keys;
        this.codec = codec;
        this.sender = sender;
        this.rateHz = rateHz;
        this.subscribeWait = subscribeWait;
        this.callerSends = new Semaphore(callerSends);
        this.periodNanos = Math.round(1_000_000_000.0 / rateHz);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-feed-publisher-" + keys.namespace());
            thread.setDaemon(true);
            return thread;
        });
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
        NewLatest update = new NewLatest(event);
        ChannelState state = channels.compute(channel, update);
        ensureTicking();
        if (state.idle.compareAndSet(true, false)) {
            active.add(state);
        }
        if (update.nothingWaiting && !sendOnCallerThread(state)) {
            try {
                scheduler.execute(() -> offer(state));
            } catch (RejectedExecutionException e) {
                // Closing: the final drain sends it, or close reports it.
            }
        }
    }

    /**
     * Sends {@code state}'s waiting value on this (the publisher's) thread when its pacer allows a send now, or
     * schedules it for when it does; false when it left it alone (another send of the channel in flight, the publishers'
     * sends at their limit, the last send failed, or closing), for the scheduler to offer.
     */
    private boolean sendOnCallerThread(ChannelState state) {
        if (sendsFailing || !callerSends.tryAcquire()) {
            return false;
        }
        try {
            if (!state.sending.tryLock()) {
                return false;
            }
            try {
                if (closed.get()) {
                    return false;
                }
                sentByPublishers.add(sendNow(List.of(state), System.nanoTime()));
                return true;
            } finally {
                state.sending.unlock();
            }
        } finally {
            callerSends.release();
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

    /** Of {@link #sent()}, those the publishing thread sent itself. */
    long sentByPublishers() {
        return sentByPublishers.sum();
    }

    long sendFailures() {
        return sendFailures.sum();
    }

    /** Channels the feed holds state for now (published to within about the last second). */
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
        for (ChannelState state : channels.values()) {
            state.sending.lock(); // a publisher's send in flight ends first: sent, or its value put back
            try {
                if (state.latest.get() != null) {
                    undelivered.add(state.channel.name());
                }
            } finally {
                state.sending.unlock();
            }
        }
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
                    state.sending.lock();
                    try {
                        wait = Math.min(wait, Math.max(1_000_000L, waitNanos(state, now)));
                    } finally {
                        state.sending.unlock();
                    }
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
     * Sends every active channel whose latest value is new and whose pacer allows it, schedules the others, and
     * lets the quiet ones go; about once a second, forgets the channels that have been quiet since the last sweep.
     * Scheduler thread only: it alone takes more than one channel's lock, so it waits for each in turn.
     */
    private void tick() {
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
            due.add(state);
        }
        due.forEach(state -> state.sending.lock());
        try {
            sendNow(due, System.nanoTime());
        } finally {
            due.forEach(state -> state.sending.unlock());
        }
        long now = System.nanoTime();
        if (now - lastSweepNanos >= SWEEP_EVERY_NANOS) {
            lastSweepNanos = now;
            forgetQuietChannels(now);
        }
    }

    /** Drops the state of channels with nothing to send and a quiet pacer (a new state would pace them the same). */
    private void forgetQuietChannels(long now) {
        for (ChannelState state : channels.values()) {
            if (!state.idle.get() || state.latest.get() != null || state.retryScheduled.get() || !state.sending.tryLock()) {
                continue;
            }
            try {
                if (state.pacer.isQuiet(now)) {
                    channels.computeIfPresent(state.channel, (channel, current) -> current == state && current.idle.get()
                            && current.latest.get() == null && !current.retryScheduled.get() ? null : current);
                }
            } finally {
                state.sending.unlock();
            }
        }
    }

    /**
     * Sends the waiting values of those {@code candidates} whose pacer allows a send at {@code now}, in one round trip,
     * and schedules the others; the caller holds every candidate's lock. A failed send puts each value back unless a
     * newer one came, for the next tick. Returns how many were sent.
     */
    private int sendNow(List<ChannelState> candidates, long now) {
        List<ChannelState> states = new ArrayList<>(candidates.size());
        List<StreamEvent> events = new ArrayList<>(candidates.size());
        for (ChannelState state : candidates) {
            long wait = waitNanos(state, now);
            if (wait > 0) {
                if (state.latest.get() != null) {
                    sendLater(state, wait);
                }
                continue;
            }
            state.conflated = false;
            StreamEvent event = state.latest.getAndSet(null);
            if (event != null) {
                state.pacer.record(now);
                states.add(state);
                events.add(event);
            }
        }
        if (states.isEmpty()) {
            return 0;
        }
        try {
            List<String> redisChannels = new ArrayList<>(states.size());
            List<String> messages = new ArrayList<>(states.size());
            for (int i = 0; i < states.size(); i++) {
                redisChannels.add(states.get(i).redisChannel);
                messages.add(codec.encode(events.get(i)));
            }
            sender.send(redisChannels, messages);
        } catch (RuntimeException e) {
            sendFailures.increment();
            sendsFailing = true;
            for (int i = 0; i < states.size(); i++) {
                ChannelState state = states.get(i);
                state.latest.compareAndSet(null, events.get(i));
                if (state.idle.compareAndSet(true, false)) {
                    active.add(state); // a tick that found nothing waiting while this send was in flight let it go
                }
            }
            LOG.warn("live feed publish failed, keeping the latest values for the next tick: {}", e.getMessage());
            return 0;
        }
        sent.add(states.size());
        sendsFailing = false;
        return states.size();
    }

    /** Sends {@code state}'s waiting value when its pacer allows, now or later. Scheduler thread only. */
    private void offer(ChannelState state) {
        if (state.latest.get() == null) {
            return;
        }
        state.sending.lock();
        try {
            sendNow(List.of(state), System.nanoTime());
        } finally {
            state.sending.unlock();
        }
    }

    /**
     * How long {@code state}'s waiting value must still wait: tolerant pacing (up to a quarter period early) for a
     * value that is the only one offered since the last send (a publisher at or below the rate, whose jitter the quarter
     * absorbs), strict once values were conflated (a busy channel, which so gets evenly spaced messages at the rate).
     * Under the channel's lock.
     */
    private long waitNanos(ChannelState state, long now) {
        return state.pacer.waitNanos(now, state.conflated);
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

    /**
     * The remapping of {@link #publish}'s compute: makes the event its channel's latest value (creating the channel's
     * state if it has none) and tells whether nothing was waiting before it. A class rather than a capturing lambda: a
     * lambda made on every publish costs about 18 µs more on a feed publishing 10 times a second, whose code the JIT
     * never compiles (docs/bench.md, "Live feed, fifth pass").
     */
    private final class NewLatest implements BiFunction<FeedChannel, ChannelState, ChannelState> {
        private final StreamEvent event;
        boolean nothingWaiting;

        NewLatest(StreamEvent event) {
            this.event = event;
        }

        @Override
        public ChannelState apply(FeedChannel channel, ChannelState existing) {
            ChannelState current = existing != null ? existing : new ChannelState(channel, keys.feed(channel), RatePacer.forRate(rateHz));
            nothingWaiting = current.latest.getAndSet(event) == null;
            if (!nothingWaiting) {
                current.conflated = true;
            }
            return current;
        }
    }

    /** One channel's latest unsent value, its pacer, and the lock its sends hold. */
    private static final class ChannelState {
        final FeedChannel channel;
        final String redisChannel;
        /** Held by a send of this channel from taking the value until Redis replied or the value was put back. */
        final ReentrantLock sending = new ReentrantLock();
        /** Under {@link #sending}. */
        final RatePacer pacer;
        final AtomicReference<StreamEvent> latest = new AtomicReference<>();
        final AtomicBoolean retryScheduled = new AtomicBoolean();
        /** Not in the set the ticks look at: the last tick found nothing to send (or none has run since it was made). */
        final AtomicBoolean idle = new AtomicBoolean(true);
        /** A value waiting to be sent was replaced since the last send: the channel is busy (set by publishers). */
        volatile boolean conflated;

        ChannelState(FeedChannel channel, String redisChannel, RatePacer pacer) {
            this.channel = channel;
            this.redisChannel = redisChannel;
            this.pacer = pacer;
        }
    }
}
