package io.soltrade.data.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Stream;

/** The machine a run measured on, printed next to its figures: figures without it mean little. */
public record MachineInfo(int cores, long ramBytes, String cpu, String jdk, String os, double loadAverage, long maxHeapBytes, Instant date) {

    public static MachineInfo current() {
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), ram, cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public String ram() {
        return ramBytes <= 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", ramBytes / (1024.0 * 1024 * 1024));
    }

    public String maxHeap() {
        return String.format(Locale.ROOT, "%.1f GiB", maxHeapBytes / (1024.0 * 1024 * 1024));
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
