package io.soltrade.data.memory;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PortInput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@link LiveFeed} in one process: {@link #publish} only records the channel's latest event; one daemon ticker
 * thread, every {@code 1 / maxRateHz} seconds with a fixed delay between ticks, hands each channel's latest
 * event to its subscribers. Fixed delay (not fixed rate) means a stalled ticker never catches up in a burst,
 * so no channel ever exceeds the rate. Listeners run on the ticker thread and should return quickly.
 *
 * <p>{@link #close()} delivers what is still pending, stops the ticker and refuses later calls with
 * {@code CLOSED}. Failures and latency are simulated on {@code publish} (a write) and {@code subscribe} (a read).
 */
public final class MemoryLiveFeed extends SimulatedStore<MemoryLiveFeed> implements LiveFeed, ManagedResource {
    public static final double DEFAULT_RATE_HZ = 10;
    private static final String BACKEND = Simulation.BACKEND;

    private final double maxRateHz;
    private final Map<FeedChannel, ConflatedChannel> channels = new ConcurrentHashMap<>();
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
        channel(channel).offer(event);
    }

    @Override
    public FeedSubscription subscribe(FeedChannel channel, Consumer<StreamEvent> listener) {
        PortInput.notNull(channel, "channel", BACKEND);
        PortInput.notNull(listener, "listener", BACKEND);
        checkOpen();
        simulation.beforeRead("subscribe");
        return channel(channel).subscribe(listener);
    }

    @Override
    public double maxRateHz() {
        return maxRateHz;
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

    /** One tick: every channel's latest event, if any, to its subscribers. */
    void tick() {
        for (ConflatedChannel channel : channels.values()) {
            channel.tick();
        }
    }

    private ConflatedChannel channel(FeedChannel channel) {
        return channels.computeIfAbsent(channel, c -> new ConflatedChannel(listenerFailures));
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
