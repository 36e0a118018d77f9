package io.soltrade.data.bench.measure;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * The memory figures of the memory scenarios. {@link #usedHeapAfterGc} asks for two full collections first, so it
 * counts what is still reachable, not garbage. {@link #allocatedBytes} sums what every live thread of the JVM has
 * allocated so far (HotSpot's per-thread counters): the difference over a round is what the round allocated,
 * including on the adapters' own threads.
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

    public static long allocatedBytes() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }
}
