package io.resolvehub.process;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;

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
}
