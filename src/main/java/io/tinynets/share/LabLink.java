package io.tinynets.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.experiment.ExperimentLimits;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A lab's whole state as one URL query parameter ({@value #PARAMETER}): the same envelope an experiment export writes
 * for a configuration ({@code {"lab": …, "config": {…the lab's JSON…}, "configVersion": 1, "seed": 42}}), deflated
 * (raw DEFLATE) and written in unpadded base64url, so it needs no escaping in a URL.
 *
 * <p>Bounds, checked before the work they limit: a parameter is at most {@value #MAX_PARAMETER_CHARS} characters (the
 * request line of the first page load must stay well inside the server's 8 KB header limit, Tomcat's default, and
 * what any proxy between a school's students and the server passes), and it inflates to at most
 * {@value #MAX_JSON_BYTES} bytes: inflating stops there, so a "zip bomb" in a URL costs a few kilobytes of work. What
 * comes out is only read here; whether the lab can open it is for the lab's own rules
 * ({@link io.tinynets.experiment.LabConfigs}), the same as for an import.
 */
public final class LabLink {

    /** The query parameter. */
    public static final String PARAMETER = "lab";
    /** The longest parameter written or read. */
    public static final int MAX_PARAMETER_CHARS = 6_000;
    /** The most bytes a parameter may inflate to: a lab configuration as large as an experiment's, and its envelope. */
    public static final int MAX_JSON_BYTES = ExperimentLimits.CONFIG_MAX_CHARS + 1_024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("lab", "config", "configVersion", "seed");

    /** A lab's state as the link carries it. */
    public record State(String lab, String configJson, int configVersion, long seed) {
    }

    private LabLink() {
    }

    /**
     * The parameter for a state.
     *
     * @throws ShareLinkProblem {@code share.link.tooLong} ({0} = its length, {1} = the limit) when the state does not
     *                          fit in a link (a playground with many points of the student's own)
     */
    public static String write(State state) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("lab", state.lab());
        try {
            root.set("config", MAPPER.readTree(state.configJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a lab codec wrote something that is not JSON", e);
        }
        root.put("configVersion", state.configVersion());
        root.put("seed", state.seed());
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(json);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        if (text.length() > MAX_PARAMETER_CHARS || json.length > MAX_JSON_BYTES) {
            throw new ShareLinkProblem("share.link.tooLong", text.length(), MAX_PARAMETER_CHARS);
        }
        return text;
    }

    /**
     * Reads a parameter: its length first, then its alphabet, then inflating at most {@link #MAX_JSON_BYTES}, then the
     * envelope's four fields and their types. The configuration inside is not checked here.
     *
     * @throws ShareLinkProblem {@code share.link.tooLong}, {@code share.link.tooBig} ({0} = the limit in bytes) or
     *                          {@code share.link.unreadable}
     */
    public static State read(String parameter) {
        if (parameter.length() > MAX_PARAMETER_CHARS) {
            throw new ShareLinkProblem("share.link.tooLong", parameter.length(), MAX_PARAMETER_CHARS);
        }
        for (int i = 0; i < parameter.length(); i++) {
            char c = parameter.charAt(i);
            boolean base64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_';
            if (!base64url) {
                throw unreadable();
            }
        }
        byte[] deflated;
        try {
            deflated = Base64.getUrlDecoder().decode(parameter);
        } catch (IllegalArgumentException e) {
            throw unreadable();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(utf8(inflate(deflated)));
        } catch (JsonProcessingException e) {
            throw unreadable();
        }
        if (root == null || !root.isObject() || root.size() != FIELDS.size()) {
            throw unreadable();
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                throw unreadable();
            }
        }
        JsonNode lab = root.get("lab");
        JsonNode config = root.get("config");
        JsonNode version = root.get("configVersion");
        JsonNode seed = root.get("seed");
        if (!lab.isTextual() || !config.isObject() || !version.isInt() || !seed.isIntegralNumber()
                || !seed.canConvertToLong()) {
            throw unreadable();
        }
        return new State(lab.asText(), config.toString(), version.intValue(), seed.longValue());
    }

    /** Inflates, refusing as soon as the output passes {@link #MAX_JSON_BYTES} or the input ends early. */
    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw unreadable();
                }
                if (out.size() + n > MAX_JSON_BYTES) {
                    throw new ShareLinkProblem("share.link.tooBig", MAX_JSON_BYTES);
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw unreadable();
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw unreadable();
        } finally {
            inflater.end();
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable();
        }
    }

    private static ShareLinkProblem unreadable() {
        return new ShareLinkProblem("share.link.unreadable");
    }
}
