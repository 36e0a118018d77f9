package io.soltrade.data.memory;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PortInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@link LiveFeed} in one process: {@link #publish} only records the channel's latest event; one daemon ticker
 * thread, every {@code 1 / maxRateHz} seconds with a fixed delay between ticks, hands each channel's latest
 * event to its subscribers. Fixed delay (not fixed rate) means a stalled ticker never catches up in a burst,
 * so no channel ever exceeds the rate. Listeners run on the ticker thread and should return quickly.
 *
 * <p>A tick looks only at the channels that have an event waiting, and a channel with no subscriber and nothing
 * waiting is forgotten, so the feed's state is proportional to the channels in use, not to every channel ever
 * published to.
 *
 * <p>{@link #close()} delivers what is still pending, stops the ticker and refuses later calls with
 * {@code CLOSED}. Failures and latency are simulated on {@code publish} (a write) and {@code subscribe} (a read).
 */
public final class MemoryLiveFeed extends SimulatedStore<MemoryLiveFeed> implements LiveFeed, ManagedResource {
    public static final double DEFAULT_RATE_HZ = 10;
    private static final String BACKEND = Simulation.BACKEND;

    private final double maxRateHz;
    private final Map<FeedChannel, ConflatedChannel> channels = new ConcurrentHashMap<>();
    /** Channels with an event waiting for the next tick, each at most once. */
    private final Queue<ConflatedChannel> due = new ConcurrentLinkedQueue<>();
    private final AtomicLong channelsTicked = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private volatile Thread tickerThread;
    private volatile boolean closed;

    public MemoryLiveFeed() {
        this(MemorySettings.defaults());
    }

    public MemoryLiveFeed(MemorySettings settings) {
        this(settings, DEFAULT_RATE_HZ);
    }

    public MemoryLiveFeed(MemorySettings settings, double maxRateHz) {
        this(settings, maxRateHz, true);
    }

    /** With {@code ticking} false no thread is started and a test drives delivery through {@link #tick()}. */
    MemoryLiveFeed(MemorySettings settings, double maxRateHz, boolean ticking) {
        super("LiveFeed", settings);
        if (!(maxRateHz > 0 && maxRateHz <= 1_000)) {
            throw new IllegalArgumentException("maxRateHz must be in (0, 1000], got " + maxRateHz);
        }
        this.maxRateHz = maxRateHz;
        if (ticking) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "memory-live-feed-ticker");
                thread.setDaemon(true);
                tickerThread = thread;
                return thread;
            });
            long periodNanos = Math.round(1e9 / maxRateHz);
            ticker.scheduleWithFixedDelay(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        } else {
            ticker = null;
        }
    }

    @Override
    MemoryLiveFeed self() {
        return this;
    }

    @Override
    public void publish(FeedChannel channel, StreamEvent event) {
        checkChannelAndEvent(channel, event);
        checkOpen();
        simulation.beforeWrite("publish");
        // Inside compute, so forgetting an unused channel (also a compute) never drops this event.
        channels.compute(channel, (key, existing) -> {
            ConflatedChannel current = existing != null ? existing : newChannel(key);
            if (current.offer(event)) {
                due.add(current);
            }
            return current;
        });
    }

    @Override
    public FeedSubscription subscribe(FeedChannel channel, Consumer<StreamEvent> listener) {
        PortInput.notNull(channel, "channel", BACKEND);
        PortInput.notNull(listener, "listener", BACKEND);
        checkOpen();
        simulation.beforeRead("subscribe");
        AtomicReference<FeedSubscription> subscription = new AtomicReference<>();
        channels.compute(channel, (key, existing) -> {
            ConflatedChannel current = existing != null ? existing : newChannel(key);
            subscription.set(current.subscribe(listener));
            return current;
        });
        return subscription.get();
    }

    @Override
    public double maxRateHz() {
        return maxRateHz;
    }

    /** Channels the feed keeps: those with a subscriber or an event waiting. */
    int channelCount() {
        return channels.size();
    }

    /** Channel deliveries the ticks have run so far, summed over every tick. */
    long channelsTicked() {
        return channelsTicked.get();
    }

    /** How often a listener threw; the feed carried on each time. */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    @Override
    public String name() {
        return "memory live feed";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.shutdown();
            if (Thread.currentThread() == tickerThread) {
                tick(); // closed by a listener: the ticker cannot wait for itself to finish
                return;
            }
            try {
                if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                    ticker.shutdownNow();
                }
            } catch (InterruptedException e) {
                ticker.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        tick();
    }

    /** One tick: the latest event of every channel that has one, to its subscribers. */
    void tick() {
        List<ConflatedChannel> channelsDue = new ArrayList<>();
        for (ConflatedChannel channel = due.poll(); channel != null; channel = due.poll()) {
            channelsDue.add(channel); // taken first: a channel published to meanwhile waits for the next tick
        }
        for (ConflatedChannel channel : channelsDue) {
            channelsTicked.incrementAndGet();
            channel.tick();
            forgetIfUnused(channel);
        }
    }

    private ConflatedChannel newChannel(FeedChannel channel) {
        return new ConflatedChannel(channel, listenerFailures, this::forgetIfUnused);
    }

    private void forgetIfUnused(ConflatedChannel channel) {
        channels.computeIfPresent(channel.channel(), (key, current) -> current == channel && current.isUnused() ? null : current);
    }

    private static void checkChannelAndEvent(FeedChannel channel, StreamEvent event) {
        PortInput.notNull(channel, "channel", BACKEND);
        PortInput.notNull(event, "event", BACKEND);
        if (event.stream() != channel.stream()) {
            throw DbException.invalidInput(BACKEND, "a " + event.getClass().getSimpleName() + " belongs on " + event.stream()
                    + ", not on channel " + channel.name() + " of " + channel.stream(), null);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw DbException.of(DbErrorKind.CLOSED, BACKEND, "the memory live feed is closed");
        }
    }
}
