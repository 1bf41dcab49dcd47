package io.tinynets.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx running the repository's site file, in the foreground, with its own prefix: the site is included
 * in a minimal nginx.conf as Debian's includes sites-enabled/*, and nothing of the machine's own nginx set-up is
 * used or touched.
 */
final class Nginx implements AutoCloseable {

    static final String BINARY_VARIABLE = "TINYNETS_TEST_NGINX";
    static final String DEFAULT_BINARY = "/usr/sbin/nginx";

    private final String binary;
    private final Path logs;
    private Process process;

    Nginx(String binary, Path logs) {
        this.binary = binary;
        this.logs = logs;
    }

    static String binary() {
        String configured = System.getenv(BINARY_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_BINARY : configured;
    }

    Path accessLog() {
        return logs.resolve("access.log");
    }

    /** Writes the configuration around {@code site}, checks it with nginx -t and starts nginx. */
    void start(String site) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        // temporary files (request bodies over 16 KB) are written by the worker, which may run as nobody: a folder
        // it can reach, wherever the build folder is
        Path temp = Files.createTempDirectory("tinynets-nginx");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path sitePath = logs.resolve("tinynets.conf");
        Files.writeString(sitePath, site);
        Path conf = logs.resolve("nginx.conf");
        Files.writeString(conf, String.join("\n",
                "worker_processes 1;",
                "pid " + logs.resolve("nginx.pid").toAbsolutePath() + ";",
                "error_log " + logs.resolve("error.log").toAbsolutePath() + " info;",
                "events { worker_connections 512; }",
                "http {",
                // which instance answered each request, and the route it was sent by: what a failure needs read
                "  log_format topology '$remote_addr [$time_local] \"$request\" $status upstream=$upstream_addr '",
                "      'route=$cookie_tinynets_route session=$cookie_JSESSIONID \"$http_user_agent\"';",
                "  access_log " + accessLog().toAbsolutePath() + " topology;",
                "  client_body_temp_path " + temp.resolve("body") + ";",
                "  proxy_temp_path " + temp.resolve("proxy") + ";",
                "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "  scgi_temp_path " + temp.resolve("scgi") + ";",
                "  include " + sitePath.toAbsolutePath() + ";",
                "}", ""));
        List<String> base = List.of(binary, "-p", logs.toAbsolutePath() + "/", "-c", conf.toAbsolutePath().toString());
        Process test = new ProcessBuilder(concat(base, "-t")).redirectErrorStream(true).start();
        String out = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (test.waitFor() != 0) {
            throw new AssertionError("nginx -t refused the site:\n" + out + "\n" + site);
        }
        process = new ProcessBuilder(concat(base, "-g", "daemon off;")).redirectErrorStream(true)
                .redirectOutput(logs.resolve("nginx.out").toFile()).start();
    }

    /** Waits at most {@code limit} for nginx to exit (the pause between two looks at a condition). */
    void awaitExit(java.time.Duration limit) throws InterruptedException {
        process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String errorLog() {
        try {
            return Files.readString(logs.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static boolean installed() {
        return new File(binary()).canExecute();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
