package io.soltrade.data.cli.live;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fans the page's events out to every open page, each through its own {@link ClientBuffer}, and keeps a snapshot (the
 * latest event per key, at most {@code retainedPerType} keys of each type, newest kept) that a page gets first when it
 * opens. Publishing never blocks on a page: it offers to each buffer, and a page whose buffer overflows is dropped
 * here and reconnects. Publishers are the port readers and the live feed's delivery thread.
 */
final class PageBroadcast {
    private final int clientCapacity;
    private final int maxClients;
    private final int retainedPerType;
    private final Runnable onFirstPage;
    private final LinkedHashMap<String, PageEvent> snapshot = new LinkedHashMap<>();
    private final Map<String, Integer> retainedByType = new LinkedHashMap<>();
    private final List<ClientBuffer> pages = new ArrayList<>();
    private boolean opened;
    private long dropped;

    /**
     * @param clientCapacity keys each page's buffer holds before the page counts as fallen behind; more than a full
     *     snapshot, so that a new page is never dropped by its own snapshot
     * @param onFirstPage runs once, when the first page opens (on the opening thread)
     */
    PageBroadcast(int clientCapacity, int maxClients, int retainedPerType, Runnable onFirstPage) {
        if (maxClients < 1 || retainedPerType < 1) {
            throw new IllegalArgumentException("maxClients and retainedPerType must be at least 1");
        }
        this.clientCapacity = clientCapacity;
        this.maxClients = maxClients;
        this.retainedPerType = retainedPerType;
        this.onFirstPage = onFirstPage;
    }

    /** A buffer for a page that opens now, holding the snapshot; empty when {@code maxClients} pages are open. */
    Optional<ClientBuffer> open() {
        boolean first;
        ClientBuffer buffer = new ClientBuffer(clientCapacity);
        synchronized (this) {
            if (pages.size() >= maxClients) {
                return Optional.empty();
            }
            snapshot.values().forEach(buffer::offer);
            pages.add(buffer);
            first = !opened;
            opened = true;
        }
        if (first) {
            onFirstPage.run();
        }
        return Optional.of(buffer);
    }

    /** Sends {@code event} to every open page and keeps it in the snapshot; drops the pages that fell behind. */
    synchronized void publish(PageEvent event) {
        retain(event);
        for (Iterator<ClientBuffer> it = pages.iterator(); it.hasNext(); ) {
            ClientBuffer page = it.next();
            if (!page.offer(event)) {
                it.remove();
                dropped++;
            }
        }
    }

    /** Keeps {@code event} in the snapshot for pages that open later, without sending it to the open ones. */
    synchronized void retain(PageEvent event) {
        if (snapshot.remove(event.key()) == null) {
            int count = retainedByType.merge(event.type(), 1, Integer::sum);
            if (count > retainedPerType) {
                for (Iterator<PageEvent> it = snapshot.values().iterator(); it.hasNext(); ) {
                    if (it.next().type().equals(event.type())) {
                        it.remove();
                        retainedByType.merge(event.type(), -1, Integer::sum);
                        break;
                    }
                }
            }
        }
        snapshot.put(event.key(), event);
    }

    /** A page went away: its buffer closes and it gets nothing more. */
    synchronized void close(ClientBuffer page) {
        pages.remove(page);
        page.close();
    }

    /** Closes every page's buffer (their writers end their responses); pages may open again afterwards. */
    synchronized void closeAll() {
        pages.forEach(ClientBuffer::close);
        pages.clear();
    }

    synchronized int openPages() {
        return pages.size();
    }

    /** Pages dropped because they fell behind, since the start. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized int snapshotSize() {
        return snapshot.size();
    }
}
