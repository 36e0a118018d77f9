package io.soltrade.data.bench.measure;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory figures of the memory scenarios. {@link #usedHeapAfterGc} asks for two full collections first, so it
 * counts what is still reachable, not garbage. {@link #allocationMark} and {@link #allocatedSince} measure what every
 * thread of the JVM allocated in between (HotSpot's per-thread counters), including on the adapters' own threads.
 */
public final class HeapGauge {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private HeapGauge() {
    }

    public static long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

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
