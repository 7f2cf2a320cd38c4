package io.resolvehub.process;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the benchmarks read of the machine they run on: the process's CPU time and the system's load. */
final class BenchmarkMachine {

    private BenchmarkMachine() {
    }

    /** CPU time used by this process so far (all its threads), in nanoseconds. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The system's one-minute load average: how busy the machine was while a figure was taken. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * CPU time so far of this process's live threads, in nanoseconds, by thread name without its trailing number (the
     * kernel's 15-character name: "http-nio-auto-1", "ingest-", "GC Thread#", native ONNX Runtime threads as "java"):
     * where a phase's CPU went, including what no Java profiler samples. Empty where there is no /proc (not Linux).
     */
    static Map<String, Long> cpuNanosByThreadGroup() {
        Map<String, Long> byGroup = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
                    byGroup.merge(name.replaceAll("[0-9]+$", ""), ticks * 10_000_000L, Long::sum);   // USER_HZ 100
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while the list was read: its time is no longer counted anywhere
                }
            });
        } catch (IOException notLinux) {
            return Map.of();
        }
        return byGroup;
    }
}
