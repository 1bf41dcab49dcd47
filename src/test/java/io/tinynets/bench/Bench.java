package io.tinynets.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What every benchmark shares: a header naming the machine, the JVM and its garbage collector; a sink that keeps the
 * measured work's results live (the JIT may not drop work whose result reaches it) and is printed as a checksum; and
 * {@code RESULT} lines that {@link BenchAll} collects into the README's table.
 */
final class Bench {

    /** Prefix of the machine-readable result lines: RESULT, workload, engine, baseline, ratio (tab-separated). */
    static final String RESULT = "RESULT\t";

    private static double checksum;
    private static long consumed;

    private Bench() {
    }

    /** Prints the benchmark's name and where it runs. */
    static void header(String name) {
        System.out.println("== " + name);
        System.out.println("   " + machine() + "; " + java() + "; GC " + gc() + "; load average " + loadAverage());
    }

    /** "2 cores, AMD EPYC" from the JVM and /proc/cpuinfo. */
    static String machine() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + model;
    }

    static String java() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The collectors this JVM runs, e.g. "G1 Young Generation + G1 Old Generation", and the heap limit. */
    static String gc() {
        String names = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
        return names + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine while this one was measured. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Keeps {@code value} live: it goes into the checksum printed at the end. */
    static void consume(double value) {
        checksum += value;
        consumed++;
    }

    static void consume(double[] values) {
        for (double v : values) {
            consume(v);
        }
    }

    static void consume(double[][] values) {
        for (double[] v : values) {
            consume(v);
        }
    }

    /** Prints the checksum of everything consumed; a non-finite one means some measured work diverged. */
    static void finish() {
        System.out.printf(Locale.ROOT, "   checksum of the measured results: %.6e over %,d values%n", checksum, consumed);
        if (!Double.isFinite(checksum)) {
            throw new IllegalStateException("a measured result was NaN or infinite: the benchmark trained garbage");
        }
    }

    /** One row of the results table. {@code baseline} says why when there is none. */
    static void result(String workload, String engine, String baseline, String ratio) {
        System.out.println(RESULT + String.join("\t", workload, engine, baseline, ratio));
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** engine[i] / baseline[i] for reps run back to back (so load from elsewhere affects both alike). */
    static double[] pairedRatios(double[] engine, double[] baseline) {
        double[] r = new double[engine.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = engine[i] / baseline[i];
        }
        return r;
    }
}
