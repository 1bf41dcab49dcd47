package io.tinynets.base.web;

import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import io.tinynets.data.CsvDatasetReader;
import io.tinynets.experiment.ExperimentLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 1, over real HTTP: 200 MB bodies posted to every way in (the playground's CSV upload, the experiment
 * import, Vaadin's round trip, the login form, any other path), raw and multipart, with a declared length and chunked,
 * are each refused with 413 and the visitor's language while the heap stays within 20 MB of where it was; uploads up
 * to their documented limit still go through.
 *
 * <p>The bodies are generated while they are sent, never held in memory. The heap is measured as the bytes in use
 * after a full collection, before each post, while it streams (every 4 MB sent) and after it: what the server
 * retains, not the garbage it has already let go of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the first page carries the view's whole state, so a test can read an upload's address from it
        properties = "vaadin.eagerServerLoad=true")
class RequestBodyLimitTest {

    private static final long HOSTILE = 200L * 1024 * 1024;
    private static final long HEAP_BUDGET = 20L * 1024 * 1024;
    private static final String BOUNDARY = "----tinynets-boundary";
    private static final Pattern UPLOAD_URL = Pattern.compile("VAADIN/dynamic/resource/[^\"\\\\]+/upload");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void cleanUp() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
    }

    // ---- the refusals -------------------------------------------------------------------------------------------

    @Test
    void everyWayInRefuses200MegabytesRawOrMultipartWithinTheHeapBudget() throws Exception {
        Session anonymous = new Session();
        String csvUpload = anonymous.uploadUrl("/playground");
        Session student = new Session();
        student.logIn("uploader");
        String importUpload = student.uploadUrl("/experiments");

        for (Post post : List.of(
                Post.raw(anonymous, csvUpload, true), Post.raw(anonymous, csvUpload, false),
                Post.multipart(anonymous, csvUpload, true), Post.multipart(anonymous, csvUpload, false),
                Post.raw(student, importUpload, true), Post.raw(student, importUpload, false),
                Post.multipart(student, importUpload, true), Post.multipart(student, importUpload, false),
                Post.json(anonymous, "/?v-r=uidl&v-uiId=0", true), Post.json(anonymous, "/?v-r=uidl&v-uiId=0", false),
                Post.form(anonymous, "/login", true), Post.form(anonymous, "/login", false),
                Post.raw(anonymous, "/experiments", true))) {
            Measured m = post.send(port, HOSTILE);
            // a form is parsed by the container from its own buffer: without a declared length it is refused at once
            int refusal = post.contentType.startsWith("application/x-www-form") && !post.declared ? 411 : 413;
            assertThat(m.status()).as(post + ": " + m.head()).isEqualTo(refusal);
            assertThat(m.heapGrowth()).as(post + " kept " + m.heapGrowth() + " bytes").isLessThan(HEAP_BUDGET);
            System.out.printf(Locale.ROOT, "%s: %d after %.1f MB sent, heap %+.1f MB%n", post, m.status(),
                    m.sent() / 1048576.0, m.heapGrowth() / 1048576.0);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment", Long.class)).isZero();
    }

    @Test
    void aRefusalSaysWhyInTheVisitorsLanguage() throws Exception {
        Session anonymous = new Session();
        String csvUpload = anonymous.uploadUrl("/playground");
        Measured korean = Post.raw(anonymous, csvUpload, true).language("ko").send(port, HOSTILE);
        assertThat(korean.status()).isEqualTo(413);
        assertThat(korean.body()).isEqualTo("이 요청은 이 서버가 여기서 받는 최대 크기 5 MB보다 큽니다. 아무것도 저장하지 않았습니다.");
        Measured english = Post.json(anonymous, "/?v-r=uidl&v-uiId=0", false).language("en").send(port, HOSTILE);
        assertThat(english.status()).isEqualTo(413);
        assertThat(english.body()).isEqualTo("This request is larger than 1 MB, the most this server accepts here. "
                + "Nothing was saved.");
    }

    // ---- what still goes through --------------------------------------------------------------------------------

    /**
     * Multipart was capped at 1 MB by the container before: an import file of exactly the documented 5 MB now imports,
     * one byte more is refused and imports nothing. A CSV of exactly 1 MB is accepted, one byte more refused.
     */
    @Test
    void uploadsUpToTheirDocumentedLimitGoThrough() throws Exception {
        Session student = new Session();
        student.logIn("importer");
        String importUpload = student.uploadUrl("/experiments");
        byte[] file = exportOfExactly(ExperimentLimits.IMPORT_MAX_BYTES);
        Measured ok = Post.multipart(student, importUpload, true).body(file).send(port, file.length);
        assertThat(ok.status()).as(ok.head()).isEqualTo(200);
        awaitExperiments("importer", 1);
        byte[] oneMore = Arrays.copyOf(file, file.length + 1);
        oneMore[oneMore.length - 1] = ' ';
        Measured refused = Post.multipart(student, importUpload, true).body(oneMore).send(port, oneMore.length);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = 'importer'", Long.class))
                .isEqualTo(1);

        Session anonymous = new Session();
        String csvUpload = anonymous.uploadUrl("/playground");
        byte[] csv = csvOfExactly(CsvDatasetReader.MAX_BYTES);
        assertThat(Post.multipart(anonymous, csvUpload, true).body(csv).send(port, csv.length).status())
                .isEqualTo(200);
        assertThat(Post.raw(anonymous, csvUpload, true).body(csv).send(port, csv.length).status()).isEqualTo(200);
        byte[] csvTooLarge = csvOfExactly(CsvDatasetReader.MAX_BYTES + 1);
        assertThat(Post.multipart(anonymous, csvUpload, true).body(csvTooLarge).send(port, csvTooLarge.length)
                .status()).isEqualTo(413);
        assertThat(Post.raw(anonymous, csvUpload, false).body(csvTooLarge).send(port, csvTooLarge.length)
                .status()).isEqualTo(413);
    }

    private void awaitExperiments(String owner, long count) throws InterruptedException {
        // the import runs on the view's UI thread once the upload is in: wait for it, not for a fixed time
        for (int i = 0; i < 600; i++) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = ?", Long.class, owner) >= count) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = ?", Long.class, owner))
                .isEqualTo(count);
    }

    /** A valid export of one descent experiment, padded with trailing whitespace to exactly {@code size} bytes. */
    private static byte[] exportOfExactly(int size) {
        String json = "{\"format\":\"tinynets-experiments\",\"schemaVersion\":1,\"experiments\":[{\"lab\":\"descent\","
                + "\"name\":\"big\",\"config\":{\"version\":1,\"surface\":\"ravine\",\"optimizers\":[\"sgd\"],"
                + "\"learningRate\":0.05,\"momentum\":0.9,\"beta1\":0.9,\"beta2\":0.999,\"rho\":0.9,"
                + "\"start\":[-3.5,1.2]},\"configVersion\":1,\"seed\":1}]}";
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) ' ');
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    /** A valid CSV of two classes, its last line padded with spaces to exactly {@code size} bytes. */
    private static byte[] csvOfExactly(int size) {
        StringBuilder b = new StringBuilder("x1,x2,label\n");
        for (int i = 0; b.length() < size - 64; i++) {
            b.append(String.format(Locale.ROOT, "%.6f,%.6f,%d%n", Math.sin(i) * 3, Math.cos(i * 1.3) * 3, i % 2));
        }
        while (b.length() < size - 1) {
            b.append(' ');
        }
        b.append('\n');
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---- a browser session, as far as the tests need one --------------------------------------------------------

    /** A session cookie, and what the first page gave it. */
    private final class Session {

        private String cookie = "";

        /** GET a page; keeps the session cookie. Returns the body. */
        String get(String path) throws IOException {
            Measured r = new Post("GET", this, path, null, false).send(port, 0);
            return r.body();
        }

        String uploadUrl(String page) throws IOException {
            Matcher m = UPLOAD_URL.matcher(get(page));
            assertThat(m.find()).as("an upload on " + page).isTrue();
            return "/" + m.group();
        }

        void logIn(String username) throws IOException {
            ClassroomFixtures.account(accounts, username, Role.STUDENT);
            Matcher csrf = CSRF.matcher(get("/login"));
            assertThat(csrf.find()).isTrue();
            byte[] form = ("username=" + username + "&password=" + URLEncoder.encode(ClassroomFixtures.PASSWORD,
                    StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII);
            Measured r = Post.form(this, "/login", true).body(form).send(port, form.length);
            assertThat(r.status()).as(r.head()).isEqualTo(302);
            assertThat(r.head()).doesNotContain("error");
        }

        void remember(String head) {
            Matcher m = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\\r\\n]+)").matcher(head);
            if (m.find()) {
                cookie = m.group(1);
            }
        }
    }

    // ---- one request over a plain socket, so nothing in the client buffers or retries --------------------------

    private record Measured(int status, String head, String body, long sent, long heapGrowth) {
    }

    private static final class Post {

        private final String method;
        private final Session session;
        private final String path;
        private final String contentType;
        private final boolean declared;
        private String language = "en";
        private byte[] body;

        Post(String method, Session session, String path, String contentType, boolean declared) {
            this.method = method;
            this.session = session;
            this.path = path;
            this.contentType = contentType;
            this.declared = declared;
        }

        static Post raw(Session s, String path, boolean declared) {
            return new Post("POST", s, path, "application/octet-stream", declared);
        }

        static Post multipart(Session s, String path, boolean declared) {
            return new Post("POST", s, path, "multipart/form-data; boundary=" + BOUNDARY, declared);
        }

        static Post json(Session s, String path, boolean declared) {
            return new Post("POST", s, path, "application/json", declared);
        }

        static Post form(Session s, String path, boolean declared) {
            return new Post("POST", s, path, "application/x-www-form-urlencoded", declared);
        }

        Post language(String tag) {
            this.language = tag;
            return this;
        }

        /** A real payload instead of generated bytes. */
        Post body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        private boolean isMultipart() {
            return contentType != null && contentType.startsWith("multipart/");
        }

        private byte[] partHead() {
            return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        private byte[] partTail() {
            return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        /**
         * Sends {@code payload} bytes (the given body, or generated ones) and reads the answer; measures the heap the
         * server keeps before, during and after.
         */
        Measured send(int port, long payload) throws IOException {
            long baseline = usedHeapAfterGc();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicLong sent = new AtomicLong();
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(120_000);
                OutputStream out = socket.getOutputStream();
                boolean hasBody = method.equals("POST");
                long length = !hasBody ? 0 : isMultipart() ? partHead().length + payload + partTail().length
                        : payload;
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nAccept-Language: " + language + "\r\n");
                if (!session.cookie.isEmpty()) {
                    head.append("Cookie: ").append(session.cookie).append("\r\n");
                }
                if (hasBody) {
                    head.append("Content-Type: ").append(contentType).append("\r\n");
                    head.append(declared ? "Content-Length: " + length + "\r\n" : "Transfer-Encoding: chunked\r\n");
                }
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread writer = null;
                if (hasBody) {
                    writer = new Thread(() -> writeBody(out, payload, sent, peak), "body-writer");
                    writer.start();
                }
                byte[] answer = readAnswer(socket.getInputStream());
                socket.close(); // stops the writer if the server answered before the body was sent
                if (writer != null) {
                    try {
                        writer.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                peak.accumulateAndGet(usedHeapAfterGc(), Math::max);
                String text = new String(answer, StandardCharsets.ISO_8859_1);
                int split = text.indexOf("\r\n\r\n");
                String headers = split < 0 ? text : text.substring(0, split);
                String body = split < 0 ? "" : dechunk(headers, text.substring(split + 4));
                session.remember(headers);
                int status = Integer.parseInt(headers.substring(9, 12));
                return new Measured(status, headers, body, sent.get(), peak.get() - baseline);
            }
        }

        private void writeBody(OutputStream out, long payload, AtomicLong sent, AtomicLong peak) {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            long nextSample = 4L * 1024 * 1024;
            try {
                if (isMultipart()) {
                    writePiece(out, partHead(), partHead().length);
                }
                long done = 0;
                while (done < payload) {
                    int n = (int) Math.min(chunk.length, payload - done);
                    byte[] piece = body == null ? chunk : Arrays.copyOfRange(body, (int) done, (int) done + n);
                    writePiece(out, piece, n);
                    done += n;
                    sent.set(done);
                    if (done >= nextSample) {
                        // what the server holds while the body streams in
                        peak.accumulateAndGet(usedHeapAfterGc(), Math::max);
                        nextSample += 4L * 1024 * 1024;
                    }
                }
                if (isMultipart()) {
                    writePiece(out, partTail(), partTail().length);
                }
                if (!declared) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server refused and closed the connection: the rest is never sent
            }
        }

        private void writePiece(OutputStream out, byte[] bytes, int n) throws IOException {
            if (!declared) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(bytes, 0, n);
            if (!declared) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }

        /** The whole answer: until the connection closes, or the end of its declared or chunked body. */
        private static byte[] readAnswer(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    all.write(buffer, 0, n);
                    if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (IOException e) {
                if (all.size() == 0) {
                    throw e;
                }
            }
            return all.toByteArray();
        }

        private static boolean complete(String text) {
            int split = text.indexOf("\r\n\r\n");
            if (split < 0) {
                return false;
            }
            String headers = text.substring(0, split).toLowerCase(Locale.ROOT);
            String rest = text.substring(split + 4);
            Matcher length = Pattern.compile("content-length: (\\d+)").matcher(headers);
            if (length.find()) {
                return rest.getBytes(StandardCharsets.ISO_8859_1).length >= Integer.parseInt(length.group(1));
            }
            return headers.contains("transfer-encoding: chunked") && rest.endsWith("0\r\n\r\n");
        }

        private static String dechunk(String headers, String rest) {
            byte[] raw = rest.getBytes(StandardCharsets.ISO_8859_1);
            if (!headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                return new String(raw, StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < raw.length) {
                int eol = i;
                while (eol + 1 < raw.length && !(raw[eol] == '\r' && raw[eol + 1] == '\n')) {
                    eol++;
                }
                if (eol + 1 >= raw.length) {
                    break;
                }
                int size = Integer.parseInt(new String(raw, i, eol - i, StandardCharsets.ISO_8859_1).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(raw, eol + 2, Math.min(size, raw.length - eol - 2));
                i = eol + 2 + size + 2;
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + (contentType == null ? "" : contentType.split(";")[0]) + " "
                    + (declared ? "with Content-Length" : "chunked") + " to " + path.replaceAll("[0-9a-f-]{36}", "…");
        }
    }

    /** Bytes in use after a full collection; the least of three, so a collection racing an allocation does not count. */
    private static long usedHeapAfterGc() {
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            used.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used.stream().mapToLong(Long::longValue).min().orElseThrow();
    }
}
