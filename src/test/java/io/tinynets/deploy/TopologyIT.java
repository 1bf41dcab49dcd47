package io.tinynets.deploy;

import io.tinynets.Application;
import io.tinynets.Ci;
import io.tinynets.PostgresSchema;
import io.tinynets.base.ui.Browser;
import io.tinynets.base.ui.TranslationProvider;
import io.tinynets.base.ui.UserPreferences;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.Submission;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.File;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real topology of a school that outgrew one server, as the README installs it: Debian's nginx with the
 * repository's site file ({@code src/deploy}) and a freshly made certificate, two instances of the production jar
 * started as the systemd unit and its environment file say, on one PostgreSQL database, and real headless Chromium
 * through nginx over HTTPS.
 * <ul>
 *   <li>a student trains on one instance; the teacher's dashboard, served by the other, lists the run; the
 *   student's submission, the teacher's feedback and the student reading it cross the instances;</li>
 *   <li>kill -9 of the student's instance: after a reload the student reaches the other one, logs in again and finds
 *   the saved experiment and the submission with its feedback; then a rolling restart (the killed instance back,
 *   the other stopped and started again) loses nothing saved;</li>
 *   <li>an instance whose database is unreachable reports not ready while staying alive, and ready again when the
 *   database is back.</li>
 * </ul>
 * Which instance a browser lands on is decided by nginx's sticky route cookie; the test picks, for each browser, a
 * route that nginx sends to the instance it wants. Logs of nginx and both instances stay in {@code target/topology}.
 * With {@code CI=true} a missing nginx, openssl, PostgreSQL or Chromium fails the test.
 */
class TopologyIT {

    private static final Path WORK = Path.of("target", "topology").toAbsolutePath();
    private static final String OPENSSL = "/usr/bin/openssl";
    private static final String ADMIN_PASSWORD = "topology admin password";
    private static final String STUDENT = "topo.minji";
    private static final String STUDENT_NAME = "Minji Topology";
    private static final String STUDENT_PASSWORD = "minji topology password";
    private static final String TEACHER = "topo.teacher";
    private static final String ASSIGNMENT = "Circle across instances";
    private static final String FEEDBACK = "Well done across two instances: lower the learning rate a little.";
    private static final String ROUTE_COOKIE = "tinynets_route";
    private static final By PLAY = By.cssSelector(".training-controls vaadin-button[theme~='primary']");

    private static final List<AutoCloseable> cleanUp = new ArrayList<>();
    private static Browser student;
    private static Browser teacher;

    private final TranslationProvider translations = new TranslationProvider();
    private HttpClient https;
    private String base;
    private String schema;

    @AfterAll
    static void tearDown() {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            try {
                cleanUp.get(i).close();
            } catch (Exception e) {
                System.err.println("TopologyIT clean-up: " + e);
            }
        }
    }

    @Test
    void twoInstancesBehindNginxOverHttpsOnOnePostgres() throws Exception {
        requireTools();
        Files.createDirectories(WORK);
        long started = System.nanoTime();
        Path jar = ProductionJar.build(WORK);
        phase(started, "production jar " + jar);

        // the database: a fresh schema of the PostgreSQL the other tests use; instance b reaches it through a relay
        // the test can cut
        schema = "topology_" + UUID.randomUUID().toString().replace("-", "");
        URI pg = URI.create(System.getenv(PostgresSchema.URL_VARIABLE).substring("jdbc:".length()));
        String database = pg.getPath().substring(1);
        int pgPort = pg.getPort() < 0 ? 5432 : pg.getPort();
        TcpRelay relay = new TcpRelay(pg.getHost(), pgPort);
        cleanUp.add(relay);
        cleanUp.add(this::dropSchema);

        // the services on that schema, for the fixtures and to read back what the browsers saved (it migrates the
        // schema first, as the first instance of a new installation would)
        ConfigurableApplicationContext services = services("jdbc:postgresql://" + pg.getHost() + ":" + pgPort + "/"
                + database);
        cleanUp.add(services::close);
        AccountService accounts = services.getBean(AccountService.class);
        ClassService classes = services.getBean(ClassService.class);
        ExperimentService experiments = services.getBean(ExperimentService.class);
        AssignmentService assignments = services.getBean(AssignmentService.class);
        ClassroomFixtures.account(accounts, TEACHER, Role.TEACHER);
        SchoolClass schoolClass = classes.create(TEACHER, "Topology class");
        classes.signUp(schoolClass.joinCode(), STUDENT, STUDENT_NAME, STUDENT_PASSWORD);
        long source = experiments.save(TEACHER, new ExperimentDraft("playground", "teacher run", "", List.of(),
                PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null), PlaygroundConfigJson.VERSION, 3,
                List.of(Curve.of("train loss", new double[] {1}, new double[] {0.5})), Map.of("loss", 0.5), null,
                null));
        long assignmentId = assignments.create(TEACHER, schoolClass.id(), source, ASSIGNMENT,
                "Train the circle and submit.", List.of("learningRate"), null).id();

        // two instances as systemd starts them, on ports of their own, both on PostgreSQL
        Instance a = instance("a", jar, "jdbc:postgresql://" + pg.getHost() + ":" + pgPort + "/" + database);
        Instance b = instance("b", jar, "jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + database);
        cleanUp.add(a);
        cleanUp.add(b);
        a.start();
        b.start();
        a.awaitReady(Duration.ofMinutes(4));
        b.awaitReady(Duration.ofMinutes(4));
        // the first admin came from the environment file's password, once, whichever instance won
        assertThat(accounts.adminExists()).isTrue();
        phase(started, "both instances ready");

        // nginx with the repository's site and a certificate made now
        Path tls = WORK.resolve("tls");
        Files.createDirectories(tls);
        run(OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", tls.resolve("privkey.pem").toString(), "-out", tls.resolve("fullchain.pem").toString());
        int httpsPort = freePort();
        int httpPort = freePort();
        Map<String, String> replace = new LinkedHashMap<>();
        replace.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        replace.put("listen 443 ssl", "listen 127.0.0.1:" + httpsPort + " ssl");
        replace.put("/etc/ssl/tinynets/fullchain.pem", tls.resolve("fullchain.pem").toString());
        replace.put("/etc/ssl/tinynets/privkey.pem", tls.resolve("privkey.pem").toString());
        replace.put("server 127.0.0.1:8080 ", "server 127.0.0.1:" + a.port + " ");
        // the README's step for a second instance: uncomment its line
        replace.put("#server 127.0.0.1:8081 ", "server 127.0.0.1:" + b.port + " ");
        Nginx nginx = new Nginx(Nginx.binary(), WORK.resolve("nginx"));
        cleanUp.add(nginx);
        nginx.start(DeployFiles.nginxSite(replace));
        base = "https://localhost:" + httpsPort;
        https = trustingOnly(tls.resolve("fullchain.pem"));
        awaitNginx(nginx);

        // plain HTTP is sent to HTTPS; a body over the app's upload limit never reaches an instance
        HttpResponse<Void> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://localhost/login");
        assertThat(statusOfAnnouncedBody(tls.resolve("fullchain.pem"), httpsPort, 5 * 1024 * 1024 + 1))
                .as("a body one byte over the upload limit").isEqualTo(413);
        // through nginx the app knows it is served over HTTPS: a Secure session cookie and HSTS
        HttpResponse<Void> login = https.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=")
                && c.contains("; Secure")).anyMatch(c -> c.startsWith("tinynets_route=") && c.contains("; Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        // the probes stay on the machine
        assertThat(https.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        String routeA = routeTo(a);
        String routeB = routeTo(b);
        phase(started, "nginx ready, routes found");

        student = Browser.start("--ignore-certificate-errors");
        cleanUp.add(student);
        teacher = Browser.start("--ignore-certificate-errors");
        cleanUp.add(teacher);
        try {
            pin(student, routeA);
            pin(teacher, routeB);

            // the student trains the assignment on a
            student.login(base, STUDENT, STUDENT_PASSWORD);
            assertSessionOn(student, a);
            open(student, "/assignments");
            clickCell(student, ASSIGNMENT);
            click(student, t("classroom.assignments.openInLab"));
            waitText(student, t("classroom.assignmentBar.title", ASSIGNMENT));
            student.waitForVaadin();
            student.waitFor(120, "the lab's Play button", d -> d.findElements(PLAY).stream()
                    .anyMatch(e -> e.getDomAttribute("disabled") == null));
            student.click(PLAY);
            student.waitForVaadin();

            // the teacher's dashboard, served by b, lists the run training on a
            teacher.login(base, TEACHER, ClassroomFixtures.PASSWORD);
            assertSessionOn(teacher, b);
            open(teacher, "/dashboard/" + schoolClass.id());
            waitText(teacher, t("classroom.dashboard.title", "Topology class"));
            teacher.waitFor(60, "the student's run on b's dashboard", d -> d.getPageSource().contains(STUDENT_NAME)
                    && d.getPageSource().contains(t("playground.title"))
                    && !d.getPageSource().contains(t("classroom.dashboard.notTraining")));
            teacher.screenshot("topology-dashboard-on-b");
            phase(started, "dashboard on b lists the run on a");

            // the student submits on a
            click(student, t("classroom.assignmentBar.submit"));
            waitText(student, t("classroom.assignmentBar.submitDialog", ASSIGNMENT));
            click(student, t("classroom.assignmentBar.submitDialog.button"));
            student.waitFor(60, "the submission confirmed", d -> d.getPageSource().contains(
                    t("classroom.submission.done")) || d.getPageSource().contains(t("classroom.submission.doneMet"))
                    || d.getPageSource().contains(t("classroom.submission.doneNotMet")));
            List<Submission> submitted = assignments.submissions(TEACHER, assignmentId);
            assertThat(submitted).hasSize(1);
            assertThat(submitted.get(0).student()).isEqualTo(STUDENT);
            Experiment saved = experiments.get(STUDENT, submitted.get(0).experimentId());
            assertThat(saved.curves()).isNotEmpty();
            assertThat(saved.curves().get(0).x()).isNotEmpty();
            assertThat(saved.weightsJson()).isNotBlank();

            // the teacher answers on b
            open(teacher, "/assignments");
            chooseInSelect(teacher, t("classroom.classes.name"), "Topology class");
            clickCell(teacher, ASSIGNMENT);
            clickCell(teacher, STUDENT_NAME);
            type(teacher, t("classroom.submission.feedback"), FEEDBACK);
            click(teacher, t("classroom.submission.saveFeedback"));
            waitText(teacher, t("classroom.submission.feedbackSaved", STUDENT_NAME));

            // the student reads it on a
            open(student, "/assignments");
            clickCell(student, ASSIGNMENT);
            waitText(student, FEEDBACK);
            phase(started, "submission and feedback crossed the instances");

            // kill -9 of a: the student's reload reaches b, which asks for a login; everything saved is there
            a.kill();
            student.driver.navigate().refresh();
            reloadUntilLoginPage(student, "the login page of b");
            student.login(base, STUDENT, STUDENT_PASSWORD);
            open(student, "/assignments");
            clickCell(student, ASSIGNMENT);
            waitText(student, FEEDBACK);
            open(student, "/experiments");
            waitText(student, saved.name());
            student.screenshot("topology-student-on-b-after-kill");
            // Vaadin's push went through nginx as a websocket (nginx logs one when it closes, as a's did at the kill)
            assertThat(Files.readAllLines(nginx.accessLog())).as("push upgraded to a websocket through nginx")
                    .anyMatch(line -> line.contains("/VAADIN/push") && line.contains("\" 101 "));
            assertIntact(experiments, assignments, assignmentId, saved);
            phase(started, "after kill -9 of a the student works on b");

            // b's database goes away: b is alive but not ready, until it is back
            relay.cut();
            awaitStatus(b, "readiness with its database unreachable", b::readiness, 503);
            assertThat(b.liveness()).as("b's liveness with its database unreachable").isEqualTo(200);
            relay.restore();
            awaitStatus(b, "readiness with its database back", b::readiness, 200);
            phase(started, "b not ready without its database, ready again with it");

            // rolling restart: a back, then b stopped and started again; nothing saved is lost
            a.start();
            a.awaitReady(Duration.ofMinutes(4));
            assertThat(b.stop()).as("b's exit code after SIGTERM").isEqualTo(143);
            teacher.driver.navigate().refresh();
            // nginx keeps a failed instance out for fail_timeout (10 s) after its kill: a reload within that window
            // gets 502, and the user reloads again, as the README tells teachers
            reloadUntilLoginPage(teacher, "the login page of a");
            teacher.login(base, TEACHER, ClassroomFixtures.PASSWORD);
            open(teacher, "/assignments");
            chooseInSelect(teacher, t("classroom.classes.name"), "Topology class");
            clickCell(teacher, ASSIGNMENT);
            clickCell(teacher, STUDENT_NAME);
            teacher.waitFor(30, "the saved feedback on a", d -> d.findElements(By.cssSelector("vaadin-text-area"))
                    .stream().anyMatch(e -> FEEDBACK.equals(e.getDomProperty("value"))));
            b.start();
            b.awaitReady(Duration.ofMinutes(4));
            assertIntact(experiments, assignments, assignmentId, saved);
            phase(started, "rolling restart done");
        } catch (Throwable e) {
            student.screenshot("topology-failed-student");
            teacher.screenshot("topology-failed-teacher");
            throw new AssertionError(e.getMessage() + "\n--- instance a:\n" + a.tail() + "\n--- instance b:\n"
                    + b.tail() + "\n--- nginx:\n" + nginx.errorLog(), e);
        }
    }

    private static void assertIntact(ExperimentService experiments, AssignmentService assignments, long assignmentId,
                                     Experiment saved) {
        Experiment now = experiments.get(STUDENT, saved.id());
        assertThat(now.curves()).isEqualTo(saved.curves());
        assertThat(now.weightsJson()).isEqualTo(saved.weightsJson());
        assertThat(now.configJson()).isEqualTo(saved.configJson());
        List<Submission> submissions = assignments.submissions(TEACHER, assignmentId);
        assertThat(submissions).hasSize(1);
        assertThat(submissions.get(0).experimentId()).isEqualTo(saved.id());
        assertThat(submissions.get(0).feedback()).isEqualTo(FEEDBACK);
    }

    // ---- the pieces of the topology ----

    /** Fails under CI, skips loudly elsewhere, when a piece of the topology is not installed. */
    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!Nginx.installed()) {
            missing.add("nginx " + Nginx.binary() + " (Debian package nginx)");
        }
        if (!new File(OPENSSL).canExecute()) {
            missing.add("openssl " + OPENSSL + " (Debian package openssl)");
        }
        missing.addAll(PostgresSchema.missingVariables());
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(", ", missing);
        if (Ci.isOn()) {
            throw new IllegalStateException("CI=true and the topology test is missing " + what
                    + ": .ci/run installs nginx and openssl and starts PostgreSQL.");
        }
        System.err.println("\n*** SKIPPING TopologyIT: missing " + what + " (with CI=true this is a failure). ***\n");
        Assumptions.abort("missing " + what);
    }

    private ConfigurableApplicationContext services(String url) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(
                "--spring.datasource.url=" + PostgresSchema.withSchema(url, schema),
                "--spring.datasource.username=" + System.getenv(PostgresSchema.USER_VARIABLE),
                "--spring.datasource.password=" + System.getenv(PostgresSchema.PASSWORD_VARIABLE),
                "--spring.flyway.schemas=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--tinynets.data-dir=" + WORK.resolve("services"),
                "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
    }

    /**
     * An instance with the unit's command and environment: the environment file with its PostgreSQL lines
     * uncommented (the README's second-instance step), filled with this test's database, the admin password set,
     * the data folder in the build folder.
     */
    private Instance instance(String name, Path jar, String url) throws Exception {
        int port = freePort();
        Path folder = WORK.resolve(name);
        ProductionJar.delete(folder);
        Map<String, String> env = DeployFiles.environment("SPRING_DATASOURCE_");
        env.put("SPRING_DATASOURCE_URL", PostgresSchema.withSchema(url, schema));
        env.put("SPRING_DATASOURCE_USERNAME", System.getenv(PostgresSchema.USER_VARIABLE));
        env.put("SPRING_DATASOURCE_PASSWORD", System.getenv(PostgresSchema.PASSWORD_VARIABLE));
        env.put("SPRING_FLYWAY_SCHEMAS", schema);
        env.put("TINYNETS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TINYNETS_DATA_DIR", folder.resolve("data").toString());
        env.putAll(DeployFiles.unitEnvironment(String.valueOf(port)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Instance(name, port, DeployFiles.command(String.valueOf(port), env, java, jar), env, folder);
    }

    private void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(System.getenv(PostgresSchema.URL_VARIABLE),
                System.getenv(PostgresSchema.USER_VARIABLE), System.getenv(PostgresSchema.PASSWORD_VARIABLE))) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /**
     * The status nginx answers to a POST announcing a body of {@code length} bytes, read after the headers alone (as
     * nginx answers a body over its limit at once, a client still sending it would race the answer).
     */
    private static int statusOfAnnouncedBody(Path certificate, int port, long length) throws Exception {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trust(certificate).getSocketFactory()
                .createSocket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    /** An HTTPS client that trusts the test certificate and nothing else. */
    private static HttpClient trustingOnly(Path certificate) throws Exception {
        return HttpClient.newBuilder().sslContext(trust(certificate)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static SSLContext trust(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return ssl;
    }

    private void awaitNginx(Nginx nginx) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (https.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (!nginx.alive() || System.nanoTime() > end) {
                throw new AssertionError("nginx did not answer on " + base + ":\n" + nginx.errorLog());
            }
            nginx.awaitExit(Duration.ofMillis(200)); // the next look, sooner if nginx exits
        }
    }

    /**
     * A route cookie value nginx sends to {@code target}: a request through nginx with that route opens a session,
     * and the session is the target's when the target, asked directly with it, does not open a new one.
     */
    private String routeTo(Instance target) throws Exception {
        for (int i = 0; i < 64; i++) {
            byte[] bytes = new byte[16];
            ThreadLocalRandom.current().nextBytes(bytes);
            String route = HexFormat.of().formatHex(bytes);
            HttpResponse<Void> viaNginx = https.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Cookie", "tinynets_route=" + route).build(), HttpResponse.BodyHandlers.discarding());
            Optional<String> session = sessionCookie(viaNginx);
            assertThat(session).as("a session from " + base + "/login").isPresent();
            HttpResponse<Void> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + target.port + "/login")).header("Cookie", session.get()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (direct.statusCode() == 200 && sessionCookie(direct).isEmpty()) {
                return route;
            }
        }
        throw new AssertionError("nginx sent none of 64 routes to instance " + target.name);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }

    /**
     * Gives the browser, before its first request to nginx, the route that nginx sends to one instance. It is set
     * through the DevTools protocol because the driver's own cookie call needs a page of the site open first: the
     * page nginx answered gave the browser a random route of its own, and that page's favicon request, still under
     * way, set that route again after the driver's cookie (the access log showed the student then on the other
     * instance in two runs of five).
     */
    private void pin(Browser b, String route) {
        setCookie(b, ROUTE_COOKIE, route, true);
        setCookie(b, UserPreferences.LANGUAGE_COOKIE, "en", false);
    }

    private void setCookie(Browser b, String name, String value, boolean httpOnly) {
        ((org.openqa.selenium.chromium.ChromiumDriver) b.driver).executeCdpCommand("Network.setCookie", Map.of(
                "name", name, "value", value, "url", base + "/", "path", "/", "secure", true, "httpOnly", httpOnly));
    }

    /** Fails unless {@code target} holds the browser's session: asked directly with it, it opens no new one. */
    private static void assertSessionOn(Browser b, Instance target) throws Exception {
        Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session cookie").isNotNull();
        HttpResponse<Void> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + target.port + "/login")).header("Cookie", "JSESSIONID=" + session.getValue())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(sessionCookie(direct)).as("a new session from instance " + target.name
                + ", which should hold the browser's").isEmpty();
    }

    private static void awaitStatus(Instance instance, String what, java.util.function.IntSupplier status,
                                    int expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int last;
        while ((last = status.getAsInt()) != expected) {
            if (System.nanoTime() > end) {
                throw new AssertionError("instance " + instance.name + ": " + what + " is " + last + ", not "
                        + expected + ":\n" + instance.tail());
            }
            instance.awaitExit(Duration.ofMillis(200)); // the next look, sooner if the instance exits
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static void phase(long started, String what) {
        System.out.printf("TopologyIT %5.1f s %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    // ---- the browser, as a user clicks ----

    private String t(String key, Object... args) {
        return translations.getTranslation(key, Locale.ENGLISH, args);
    }

    private void open(Browser b, String path) {
        b.driver.get(base + path);
        b.waitFor(120, "the page " + path, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        b.waitForVaadin();
    }

    private static void waitText(Browser b, String text) {
        b.waitFor(60, "the text '" + text + "'", d -> d.getPageSource().contains(text)
                || d.getPageSource().contains(text.replace("&", "&amp;").replace("\"", "&quot;")
                .replace("'", "&#39;")));
    }

    private static void click(Browser b, String text) {
        b.click(By.xpath("//vaadin-button[normalize-space()=" + literal(text) + " or normalize-space(text())="
                + literal(text) + "]"));
        b.waitForVaadin();
    }

    private static void clickCell(Browser b, String text) {
        By by = By.xpath("//vaadin-grid-cell-content[normalize-space()=" + literal(text) + "]");
        WebElement cell = b.waitFor(30, "the cell '" + text + "'", d -> d.findElements(by).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        b.js("arguments[0].scrollIntoView({block: 'center'})", cell);
        cell.click();
        b.waitForVaadin();
    }

    private static void type(Browser b, String label, String text) {
        By by = By.xpath("//*[self::vaadin-text-field or self::vaadin-text-area][label[normalize-space()="
                + literal(label) + "]]//*[self::input or self::textarea]");
        WebElement input = b.waitFor(30, "the field '" + label + "'", d -> d.findElements(by).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        b.waitForVaadin();
    }

    private static void chooseInSelect(Browser b, String label, String item) {
        By select = By.xpath("//vaadin-select[label[normalize-space()=" + literal(label) + "]]");
        b.waitFor(30, "the select '" + label + "'", d -> d.findElements(select).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        By option = By.xpath("//vaadin-select-item[@role='option'][normalize-space()=" + literal(item) + "]");
        b.waitFor(30, "the option '" + item + "'", d -> d.findElements(option).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        b.waitForVaadin();
    }

    private static String literal(String s) {
        return s.contains("'") ? "concat('" + s.replace("'", "',\"'\",'") + "')" : "'" + s + "'";
    }

    /** Waits for the login page, reloading (as a user would) while nginx answers 502 because no instance is live. */
    private static void reloadUntilLoginPage(Browser b, String what) {
        // As a user would: reload on nginx's 502 (an instance it could not reach stays out for fail_timeout), and
        // reload again when the page still shows the dead instance's view after a while.
        long[] lastReload = {System.nanoTime()};
        b.waitFor(120, what, d -> {
            if (d.getCurrentUrl().contains("/login") && !d.findElements(By.id("vaadinLoginUsername")).isEmpty()) {
                return true;
            }
            boolean stale = System.nanoTime() - lastReload[0] > Duration.ofSeconds(10).toNanos();
            if (d.getPageSource().contains("502 Bad Gateway") || stale) {
                d.navigate().refresh();
                lastReload[0] = System.nanoTime();
            }
            return false;
        });
    }
}
