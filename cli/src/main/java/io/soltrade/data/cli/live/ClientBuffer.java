package io.soltrade.data.cli.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The events waiting for one page, at most {@code capacity} keys. An event whose key is already waiting replaces it in
 * place (conflation: a page that reads slowly gets the latest price, not every price). An event with a new key when
 * the buffer is full means the page fell behind: the buffer closes, drops what it held, and refuses everything after,
 * so the publisher never waits for a page and never holds more than {@code capacity} events for it. The page's
 * {@code EventSource} reconnects and starts again from a snapshot.
 *
 * <p>Thread-safe: the publisher offers, the page's writer thread takes.
 */
final class ClientBuffer {
    private final int capacity;
    private final LinkedHashMap<String, PageEvent> waiting = new LinkedHashMap<>();
    private boolean closed;
    private boolean overflowed;

    ClientBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues {@code event} (or replaces the waiting event of its key); false when the buffer is closed or just overflowed. */
    synchronized boolean offer(PageEvent event) {
        if (closed) {
            return false;
        }
        if (!waiting.containsKey(event.key()) && waiting.size() >= capacity) {
            overflowed = true;
            close();
            return false;
        }
        waiting.put(event.key(), event);
        notifyAll();
        return true;
    }

    /**
     * Everything waiting, in the order the keys first arrived, waiting up to {@code timeout} for something to come;
     * empty when nothing came or the buffer is closed.
     */
    synchronized List<PageEvent> take(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        List<PageEvent> taken = new ArrayList<>(waiting.values());
        waiting.clear();
        return taken;
    }

    /** Drops what is waiting and refuses further events; a writer waiting in {@link #take} returns at once. */
    synchronized void close() {
        closed = true;
        waiting.clear();
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** True when the buffer closed because its page fell behind. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized int size() {
        return waiting.size();
    }
}
