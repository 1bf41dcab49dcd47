package io.tinynets.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every benchmark, each in a fresh JVM with the same explicitly chosen garbage collector and heap (so no
 * benchmark inherits another's JIT profile or heap, and no baseline is handicapped by a different collector), relays
 * their output and ends with the results as a Markdown table headed by the date, the machine, the Java version and
 * the GC: what the README's benchmark table is.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=io.tinynets.bench.BenchAll}
 */
public final class BenchAll {

    /** The collector and heap every benchmark runs with: the JVM's default collector, chosen explicitly. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseG1GC", "-Xms1g", "-Xmx1g");

    static final List<Class<?>> BENCHMARKS = List.of(FeedForwardBench.class, RecurrentBench.class,
            AutoencoderBench.class, SequenceLabBench.class, FastForwardBench.class, TrainingRuntimeBench.class);

    public static void main(String[] args) throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String loadBefore = Bench.loadAverage();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = classpath();
        List<String[]> rows = new ArrayList<>();
        String childJava = null;
        String childGc = null;
        for (Class<?> bench : BENCHMARKS) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(JVM_OPTIONS);
            command.add("-cp");
            command.add(classpath);
            command.add(bench.getName());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(Bench.RESULT)) {
                        rows.add(line.substring(Bench.RESULT.length()).split("\t", -1));
                    } else {
                        System.out.println(line);
                        if (line.startsWith("   ") && line.contains("; GC ") && childGc == null) {
                            String[] parts = line.trim().split("; ");
                            childJava = parts[1];
                            childGc = parts[2].substring("GC ".length());
                        }
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(bench.getSimpleName() + " failed with exit code " + exit);
            }
        }

        System.out.println();
        System.out.println("Measured " + started + " on " + Bench.machine() + ", " + childJava + ", GC " + childGc
                + " (" + String.join(" ", JVM_OPTIONS) + "), one fresh JVM per benchmark; load average "
                + loadBefore + " before, " + Bench.loadAverage() + " after:");
        System.out.println();
        System.out.println("| workload | engine | baseline in the same run | engine vs. baseline |");
        System.out.println("|---|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    /** The test classpath this runs with: exec:java's class loader, or the JVM's own when started with java -cp. */
    private static String classpath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = BenchAll.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(Path.of(url.toURI()).toString());
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }
}
