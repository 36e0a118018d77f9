package io.soltrade.data.memory;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One capped stream in memory, modelled on a Redis stream: entries keyed by increasing ids
 * (milliseconds of the injected clock, then a sequence), trimmed to the cap on every append, consumer groups
 * with a pending list, and a dead-letter list (capped like the stream). One lock guards it all; blocked
 * readers wait on a condition that every append signals.
 *
 * <p>To tell a reader how many entries it missed, the log remembers the ids of the last {@code cap} trimmed
 * entries: the count is exact for a reader at most that far behind, and for a reader before the first entry
 * ever appended (such as one reading after {@code 0-0}); for a reader further behind it is a lower bound.
 */
final class CappedStreamLog {
    /** Longer blocks are cut to this, which keeps the wait in nanoseconds from overflowing. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(365);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final Clock clock;
    private final long cap;
    private final NavigableMap<StreamEntryId, StreamEvent> entries = new TreeMap<>();
    private final TreeSet<StreamEntryId> recentlyTrimmed = new TreeSet<>();
    private final Map<String, ConsumerGroup> groups = new HashMap<>();
    private final ArrayDeque<StreamEntry> deadLetters = new ArrayDeque<>();
    private StreamEntryId lastId = StreamEntryId.ZERO;
    private StreamEntryId firstId;
    private long trimmed;

    CappedStreamLog(Clock clock, long cap) {
        this.clock = clock;
        this.cap = cap;
    }

    StreamEntryId append(StreamEvent event) {
        lock.lock();
        try {
            long millis = Math.max(clock.millis(), lastId.millis());
            StreamEntryId id = millis == lastId.millis() ? new StreamEntryId(millis, lastId.sequence() + 1) : new StreamEntryId(millis, 0);
            entries.put(id, event);
            lastId = id;
            if (firstId == null) {
                firstId = id;
            }
            while (entries.size() > cap) {
                remember(entries.pollFirstEntry().getKey());
            }
            appended.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    long length() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    StreamBatch read(StreamEntryId after, int count, Duration block) throws InterruptedException {
        lock.lock();
        try {
            awaitEntryAfter(after, block);
            List<StreamEntry> batch = new ArrayList<>(Math.min(count, entries.size()));
            for (Map.Entry<StreamEntryId, StreamEvent> entry : entries.tailMap(after, false).entrySet()) {
                if (batch.size() == count) {
                    break;
                }
                batch.add(new StreamEntry(entry.getKey(), entry.getValue()));
            }
            return new StreamBatch(batch, missedAfter(after));
        } finally {
            lock.unlock();
        }
    }

    void ensureGroup(String name, GroupStart start) {
        lock.lock();
        try {
            groups.computeIfAbsent(name, n -> new ConsumerGroup(start == GroupStart.BEGINNING ? StreamEntryId.ZERO : lastId));
        } finally {
            lock.unlock();
        }
    }

    /** Empty when the group does not exist. */
    Optional<List<StreamEntry>> readGroup(String groupName, String consumer, int count, Duration block) throws InterruptedException {
        lock.lock();
        try {
            ConsumerGroup group = groups.get(groupName);
            if (group == null) {
                return Optional.empty();
            }
            awaitEntryAfter(group.lastDelivered, block);
            Instant now = clock.instant();
            List<StreamEntry> delivered = new ArrayList<>();
            for (Map.Entry<StreamEntryId, StreamEvent> entry : entries.tailMap(group.lastDelivered, false).entrySet()) {
                if (delivered.size() == count) {
                    break;
                }
                delivered.add(new StreamEntry(entry.getKey(), entry.getValue()));
                group.pending.put(entry.getKey(), new ConsumerGroup.Pending(consumer, now));
            }
            if (!delivered.isEmpty()) {
                group.lastDelivered = delivered.get(delivered.size() - 1).id();
            }
            return Optional.of(delivered);
        } finally {
            lock.unlock();
        }
    }

    long ack(String groupName, Collection<StreamEntryId> ids) {
        lock.lock();
        try {
            ConsumerGroup group = groups.get(groupName);
            if (group == null) {
                return 0;
            }
            long acknowledged = 0;
            for (StreamEntryId id : ids) {
                if (group.pending.remove(id) != null) {
                    acknowledged++;
                }
            }
            return acknowledged;
        } finally {
            lock.unlock();
        }
    }

    /** What a claim did; empty when the group does not exist. */
    Optional<Claim> claimStale(String groupName, String consumer, Duration minIdle, int count, int maxDeliveries) {
        lock.lock();
        try {
            ConsumerGroup group = groups.get(groupName);
            if (group == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            List<StreamEntry> claimed = new ArrayList<>();
            List<StreamEntryId> deadLettered = new ArrayList<>();
            Iterator<Map.Entry<StreamEntryId, ConsumerGroup.Pending>> pending = group.pending.entrySet().iterator();
            while (pending.hasNext() && claimed.size() + deadLettered.size() < count) {
                Map.Entry<StreamEntryId, ConsumerGroup.Pending> entry = pending.next();
                ConsumerGroup.Pending state = entry.getValue();
                if (Duration.between(state.deliveredAt, now).compareTo(minIdle) < 0) {
                    continue;
                }
                StreamEvent event = entries.get(entry.getKey());
                if (event == null) {
                    pending.remove(); // trimmed by the cap: nothing left to deliver, as XAUTOCLAIM drops it
                } else if (state.deliveries >= maxDeliveries) {
                    pending.remove();
                    deadLetters.addLast(new StreamEntry(entry.getKey(), event));
                    while (deadLetters.size() > cap) {
                        deadLetters.removeFirst();
                    }
                    deadLettered.add(entry.getKey());
                } else {
                    state.redeliverTo(consumer, now);
                    claimed.add(new StreamEntry(entry.getKey(), event));
                }
            }
            return Optional.of(new Claim(claimed, deadLettered));
        } finally {
            lock.unlock();
        }
    }

    record Claim(List<StreamEntry> claimed, List<StreamEntryId> deadLettered) {}

    /** Empty when the group does not exist. */
    Optional<Long> pending(String groupName) {
        lock.lock();
        try {
            ConsumerGroup group = groups.get(groupName);
            return group == null ? Optional.empty() : Optional.of((long) group.pending.size());
        } finally {
            lock.unlock();
        }
    }

    List<StreamEntry> deadLetters(int limit) {
        lock.lock();
        try {
            return deadLetters.stream().limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    private void awaitEntryAfter(StreamEntryId after, Duration block) throws InterruptedException {
        long remaining = block.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT.toNanos() : block.toNanos();
        while (remaining > 0 && lastId.compareTo(after) <= 0) {
            remaining = appended.awaitNanos(remaining);
        }
    }

    private void remember(StreamEntryId trimmedId) {
        trimmed++;
        recentlyTrimmed.add(trimmedId);
        if (recentlyTrimmed.size() > cap) {
            recentlyTrimmed.pollFirst();
        }
    }

    private long missedAfter(StreamEntryId after) {
        if (trimmed == 0 || after.compareTo(recentlyTrimmed.last()) >= 0) {
            return 0;
        }
        if (after.compareTo(firstId) < 0) {
            return trimmed;
        }
        return recentlyTrimmed.tailSet(after, false).size();
    }
}
