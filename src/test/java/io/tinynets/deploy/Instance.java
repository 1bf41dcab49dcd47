package io.tinynets.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the production jar, started with the command line and environment of the systemd unit (systemd's
 * clean environment: only what the unit and its environment file give, plus PATH and LANG). Its output goes to a
 * log file the failure message quotes.
 */
final class Instance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path folder;
    private final Path log;
    private Process process;

    Instance(String name, int port, List<String> command, Map<String, String> environment, Path folder) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = environment;
        this.folder = folder;
        this.log = folder.resolve(name + ".log");
    }

    void start() throws IOException {
        Files.createDirectories(folder);
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.putAll(environment);
        process = pb.start();
    }

    /** GET on the instance itself (not through nginx): status code, or -1 when it does not answer. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    int readiness() {
        return status("/actuator/health/readiness");
    }

    int liveness() {
        return status("/actuator/health/liveness");
    }

    /** Waits until the instance reports ready; fails with its log when it exits or takes too long. */
    void awaitReady(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (readiness() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("instance " + name + " not ready after " + limit + ":\n" + tail());
            }
            awaitExit(Duration.ofMillis(500)); // the next look, sooner if it exits
        }
    }

    /** Waits at most {@code limit} for the process to exit (the pause between two looks at a condition). */
    void awaitExit(Duration limit) throws InterruptedException {
        process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** kill -9: no shutdown hook, nothing flushed, sockets torn down by the kernel. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("instance " + name + " survived SIGKILL");
        }
    }

    /** systemctl stop: SIGTERM, an orderly stop; returns the exit code (143 after SIGTERM). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("instance " + name + " did not stop within 60 s of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
