package io.soltrade.data.bench.measure;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory figures of the memory scenarios. {@link #usedHeapAfterGc} asks for full collections until the figure
 * settles, so it counts what is still reachable, not garbage; {@link #usedHeapAtOneCollection} takes one, for a figure
 * that must be read at an instant. {@link #allocationMark} and {@link #allocatedSince} measure what every
 * thread of the JVM allocated in between (HotSpot's per-thread counters), including on the adapters' own threads.
 */
public final class HeapGauge {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private HeapGauge() {
    }

    /**
     * The heap still reachable: the lowest of several readings, each right after a full collection, stopping once a
     * collection frees no more than 64 KiB (or after {@value #MAX_COLLECTIONS}). One or two collections were not enough
     * once: objects freed by a finalizer or reference processing, or a thread still allocating garbage, left a first
     * reading high and made a difference of two readings negative.
     */
    public static long usedHeapAfterGc() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (i >= 2 && lowest - used <= SETTLED_BYTES) {
                return Math.min(lowest, used);
            }
            lowest = Math.min(lowest, used);
        }
        return lowest;
    }

    /**
     * The heap reachable at one moment: one full collection, read from what each heap pool held right after it (its
     * collection usage, which the collector records before any thread runs again), so threads that run on after it and
     * the allocation buffers they take do not count. For a figure taken at an instant (the end of a burst), where
     * {@link #usedHeapAfterGc}'s repeated collections let the program move on between them (a store acknowledging and
     * forgetting what it held: the figure then said what was left 30 to 300 ms later). It does not retry, so an object
     * only a second collection frees (a finalizer, reference processing) still counts.
     */
    public static long usedHeapAtOneCollection() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterCollection != null) {
                used += afterCollection.getUsed();
            }
        }
        return used;
    }

    private static final int MAX_COLLECTIONS = 6;
    private static final long SETTLED_BYTES = 64 * 1024;

    /** What each live thread has allocated so far: the start of an {@link #allocatedSince} measurement. */
    public static AllocationMark allocationMark() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return new AllocationMark(byThread);
    }

    /**
     * The bytes allocated since {@code mark}, summed thread by thread: a thread started since counts in full; a thread
     * that ended since is not counted (its counter is gone), which undercounts it rather than, as a difference of two
     * JVM-wide sums would, subtracting everything it allocated before the mark (a pool's short-lived helper threads
     * made that difference negative).
     */
    public static long allocatedSince(AllocationMark mark) {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                total += Math.max(0, bytes[i] - mark.byThread().getOrDefault(ids[i], 0L));
            }
        }
        return total;
    }

    /** Bytes allocated so far, by thread id. */
    public record AllocationMark(Map<Long, Long> byThread) {
    }
}
