package io.tinynets.bench;

import io.tinynets.base.ui.Browser;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per browser session with a lab open and training, on the production jar as a school runs it: the jar runs in
 * a child JVM (G1, 1 GB heap, H2 in a fresh folder), real headless Chromium sessions (each its own browser profile,
 * so its own server session) open a lab and press Play, and once every run has trained {@value #EPOCHS} epochs the
 * child's live heap is measured ({@code jcmd GC.class_histogram}: a full GC at a safepoint, live objects only; G1's
 * "used" after {@code GC.run} is printed too, but it also counts what the running trainings allocated since, tens of
 * megabytes of young garbage on a busy machine, which hid the sessions' own figure). The figure is the slope
 * between {@code first} and {@code first + more} sessions, so what the first session loads once (classes' static
 * data, caches, the data sets) does not count; the mean over all sessions above the empty server is printed too.
 *
 * <p>Run: {@code TINYNETS_TEST_PRODUCTION_JAR=target/tiny-nets-lab-0.1.0-SNAPSHOT.jar mvn -q test-compile exec:java
 * -Dexec.mainClass=io.tinynets.bench.SessionMemoryBench -Dexec.args="playground 4 4"} (lab route, first, more).
 * {@code TINYNETS_BENCH_BASELINE_JAR} names an older production jar to measure first the same way, so one run prints
 * the figures before and after a change; {@code TINYNETS_BENCH_HEAP_DUMP} a file for a heap dump of the second jar
 * with every session open (live objects only), to see who holds what.
 *
 * <p>Measured 2026-12-04 (2 cores, load average about 20, runs at the default speed, tens of thousands of epochs by
 * the time of the measurement), live heap per added session, before / after the bounded curves: playground 10.67 /
 * 2.48 MB (mean over the empty server 10.46 / 3.39 MB), sequence lab 4.22 / 4.34 MB. Before, a heap dump showed the
 * playground's chart series keeping their whole history in doubled double[] arrays (about 6 MB per session) and the
 * run's history about 3 MB more the same way. After, the playground's largest item is the run's history (1 MB of
 * floats at about 90 000 epochs); the sequence lab's is the recurrent engine's per-time-step training caches of the
 * race's three cells (about 3 MB, not a curve). Those caches were sized for the 64-sequence evaluation, twice the
 * training batch; evaluating in two passes of 32 halved them: sequence lab 4.03 → 2.88 MB per session (one run with
 * the baseline jar, 2026-12-04 22:35 UTC, a CI run sharing the machine). The G1 "used" figures of the earlier
 * measurement (about 30 MB per session) were mostly young garbage of the running trainings.
 */
public final class SessionMemoryBench {

    static final int EPOCHS = 300;
    private static final Pattern G1_USED = Pattern.compile("used (\\d+)K");

    private SessionMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String lab = args.length > 0 ? args[0] : "playground";
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int more = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String jar = System.getenv("TINYNETS_TEST_PRODUCTION_JAR");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("TINYNETS_TEST_PRODUCTION_JAR must name the production jar "
                    + "(mvn -Pproduction package)");
        }
        String baseline = System.getenv("TINYNETS_BENCH_BASELINE_JAR");
        if (baseline != null && !Files.isRegularFile(Path.of(baseline))) {
            throw new IllegalStateException("TINYNETS_BENCH_BASELINE_JAR names no file: " + baseline);
        }
        Bench.header("SessionMemoryBench: heap per browser session, /" + lab + " open and training");
        Measured before = null;
        if (baseline != null) {
            System.out.println("   before (" + baseline + "):");
            before = measure(baseline, lab, first, more, null);
        }
        System.out.println("   after (" + jar + "):");
        Measured after = measure(jar, lab, first, more, System.getenv("TINYNETS_BENCH_HEAP_DUMP"));
        if (before != null) {
            System.out.printf("   per session before %.2f MB, after %.2f MB (slope); mean before %.2f MB, after "
                    + "%.2f MB%n", before.slope(), after.slope(), before.mean(), after.mean());
        }
        System.out.println(Bench.RESULT + "heap per session, /" + lab + " training " + EPOCHS + "+ epochs\t"
                + String.format("%.2f MB", after.slope()) + "\t"
                + (before == null ? String.format("%.2f MB mean", after.mean())
                : String.format("%.2f MB before", before.slope())) + "\t");
    }

    /** Heap per session in MB: the slope from {@code first} to {@code first + more} sessions, and the mean. */
    record Measured(double slope, double mean) {
    }

    /** Runs one jar with {@code first}, then {@code first + more} sessions, and prints what it measured. */
    private static Measured measure(String jar, String lab, int first, int more, String dump) throws Exception {
        Path data = Files.createTempDirectory("tinynets-memory");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseG1GC", "-Xms1g", "-Xmx1g", "-jar", jar,
                "--server.port=" + port, "--tinynets.data-dir=" + data,
                // every session comes from 127.0.0.1 without an account
                "--tinynets.training.anonymous-sessions-per-address=1000",
                "--tinynets.training.anonymous-runs-per-address=1000",
                "--tinynets.training.anonymous-share=100")
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        Process server = pb.start();
        List<Browser> browsers = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, server);
            // the empty server, after one page load that is then gone (its session invalidated by the browser's exit
            // does not matter: the slope below excludes it)
            long usedEmpty = heapAfterGc(server.pid());
            Live empty = live(server.pid());
            open(browsers, base, lab, first);
            long usedFirst = heapAfterGc(server.pid());
            Live atFirst = live(server.pid());
            open(browsers, base, lab, more);
            long usedAll = heapAfterGc(server.pid());
            Live atAll = live(server.pid());
            if (dump != null) {
                // for a look at who holds what (jcmd writes live objects only)
                jcmd(server.pid(), "GC.heap_dump " + Path.of(dump).toAbsolutePath());
                System.out.println("   heap dump: " + dump);
            }
            // what the added sessions hold, by class: where to look for savings
            System.out.println("   largest growth per added session, by class:");
            atAll.byClass().entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - atFirst.byClass().getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("     %8.1f KB  %s%n", e.getValue() / 1024.0 / more, e.getKey()));
            double slope = (atAll.kb() - atFirst.kb()) / 1024.0 / more;
            double mean = (atAll.kb() - empty.kb()) / 1024.0 / (first + more);
            // G1's "used" right after a full GC also counts what the running trainings allocated since (young
            // garbage, tens of MB on a busy machine): printed for comparison, the figures above are live objects
            System.out.printf("   G1 used after GC (includes fresh garbage): empty %.1f MB, %d sessions %.1f MB, %d "
                    + "sessions %.1f MB%n", usedEmpty / 1024.0, first, usedFirst / 1024.0, first + more,
                    usedAll / 1024.0);
            System.out.printf("   live heap: empty %.1f MB, %d sessions %.1f MB, %d sessions %.1f MB%n",
                    empty.kb() / 1024.0, first, atFirst.kb() / 1024.0, first + more, atAll.kb() / 1024.0);
            System.out.printf("   per session: %.2f MB (slope from %d to %d sessions), %.2f MB (mean over the empty "
                    + "server)%n", slope, first, first + more, mean);
            return new Measured(slope, mean);
        } finally {
            for (Browser b : browsers) {
                b.close();
            }
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Opens {@code count} sessions on the lab, presses Play in each, and waits until each run has trained. */
    private static void open(List<Browser> browsers, String base, String lab, int count) throws IOException {
        By play = By.cssSelector(".training-controls vaadin-button[theme~='primary']");
        List<Browser> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Browser b = Browser.start();
            browsers.add(b);
            opened.add(b);
            b.driver.get(base + "/" + lab);
            b.waitFor(120, "the lab's Play button", d -> d.findElements(play).stream()
                    .anyMatch(e -> e.getDomAttribute("disabled") == null));
            b.waitForVaadin();
            b.click(play);
        }
        for (Browser b : opened) {
            b.waitFor(600, "epoch " + EPOCHS, d -> Browser.number(d.findElement(By.className("epoch-counter"))
                    .getText()) >= EPOCHS);
        }
    }

    private static void awaitReady(String base, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end && server.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            server.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the server did not become ready");
    }

    /** The child's used heap in KB after two full collections. */
    static long heapAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher m = G1_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no 'used' figure in GC.heap_info");
        }
        return Long.parseLong(m.group(1));
    }

    /** Live objects: their total in KB and bytes per class. */
    record Live(long kb, Map<String, Long> byClass) {
    }

    /**
     * Live objects only: jcmd GC.class_histogram counts them in a full GC at a safepoint, so nothing allocated after
     * the collection (the trainings keep running) is counted, unlike G1's "used" read a moment later.
     */
    static Live live(long pid) throws Exception {
        Map<String, Long> bytes = new HashMap<>();
        Pattern line = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
        Pattern total = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");
        long totalBytes = -1;
        for (String l : jcmd(pid, "GC.class_histogram").split("\n")) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
            Matcher t = total.matcher(l.trim());
            if (t.find()) {
                totalBytes = Long.parseLong(t.group(1));
            }
        }
        if (totalBytes < 0) {
            throw new IllegalStateException("no Total line in GC.class_histogram");
        }
        return new Live(totalBytes / 1024, bytes);
    }

    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
