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
 * child's heap is measured after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). The figure is the slope
 * between {@code first} and {@code first + more} sessions, so what the first session loads once (classes' static
 * data, caches, the data sets) does not count; the mean over all sessions above the empty server is printed too.
 *
 * <p>Run: {@code TINYNETS_TEST_PRODUCTION_JAR=target/tiny-nets-lab-0.1.0-SNAPSHOT.jar mvn -q test-compile exec:java
 * -Dexec.mainClass=io.tinynets.bench.SessionMemoryBench -Dexec.args="playground 4 4"} (lab route, first, more).
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
        Bench.header("SessionMemoryBench: heap per browser session, /" + lab + " open and training");
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
            long empty = heapAfterGc(server.pid());
            open(browsers, base, lab, first);
            long atFirst = heapAfterGc(server.pid());
            Map<String, Long> histogramFirst = histogram(server.pid());
            open(browsers, base, lab, more);
            long atAll = heapAfterGc(server.pid());
            Map<String, Long> histogramAll = histogram(server.pid());
            // what the added sessions hold, by class: where to look for savings
            System.out.println("   largest growth per added session, by class:");
            histogramAll.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - histogramFirst.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("     %8.1f KB  %s%n", e.getValue() / 1024.0 / more, e.getKey()));
            double slope = (atAll - atFirst) / 1024.0 / more;
            double mean = (atAll - empty) / 1024.0 / (first + more);
            System.out.printf("   heap after GC: empty %.1f MB, %d sessions %.1f MB, %d sessions %.1f MB%n",
                    empty / 1024.0, first, atFirst / 1024.0, first + more, atAll / 1024.0);
            System.out.printf("   per session: %.2f MB (slope from %d to %d sessions), %.2f MB (mean over the empty "
                    + "server)%n", slope, first, first + more, mean);
            System.out.println(Bench.RESULT + "heap per session, /" + lab + " training " + EPOCHS + "+ epochs\t"
                    + String.format("%.2f MB", slope) + "\t" + String.format("%.2f MB mean", mean) + "\t");
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

    /** Bytes held per class, live objects only (jcmd GC.class_histogram runs a full GC first). */
    static Map<String, Long> histogram(long pid) throws Exception {
        Map<String, Long> bytes = new HashMap<>();
        Pattern line = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
        for (String l : jcmd(pid, "GC.class_histogram").split("\n")) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return bytes;
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
