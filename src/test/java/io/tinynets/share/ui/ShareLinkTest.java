package io.tinynets.share.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.RangeSlider;
import io.tinynets.base.ui.frame.LabFrame;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.Point2D;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.share.LabLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lab's state through its address: a link opens the lab with exactly its settings and seed (anonymously), a
 * changed control rewrites the address, and every hostile link is refused with its reason, the lab at its defaults.
 */
class ShareLinkTest extends KaribuTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULTS_SEED_FIELD = "seed";

    @SuppressWarnings("unchecked")
    private static LabFrame<Object, Object, ?, ?> open(String route, String parameter) {
        UI.getCurrent().navigate(""); // arriving from elsewhere builds a fresh lab, as opening a link does
        clearNotifications();
        UI.getCurrent().navigate(route, parameter == null ? QueryParameters.empty()
                : QueryParameters.of(LabLink.PARAMETER, parameter));
        // not Karibu's _get: its lookup runs a client round trip, which would take the address writes from the queue
        return (LabFrame<Object, Object, ?, ?>) UI.getCurrent().getCurrentView();
    }

    private static JsonNode state(LabFrame<Object, Object, ?, ?> lab) throws Exception {
        return JSON.readTree(lab.definition.codec().write(lab.formValue()));
    }

    /** The locations the pending history.replaceState calls would write, in order (taken from the queue). */
    private static List<String> replacedLocations() {
        UI ui = UI.getCurrent();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<String> locations = new ArrayList<>();
        for (PendingJavaScriptInvocation call : ui.getInternals().dumpPendingJavaScriptInvocations()) {
            String js = call.getInvocation().getExpression();
            // History.replaceState writes window.history itself, or asks the client router to (React-enabled mode)
            if (js.contains("history.replaceState") || js.contains("replace: true")) {
                call.getInvocation().getParameters().stream().filter(String.class::isInstance)
                        .map(String.class::cast).forEach(locations::add);
            }
        }
        return locations;
    }

    private static String parameterOf(String location) {
        return QueryParameters.fromString(location.substring(location.indexOf('?') + 1)).getParameters()
                .get(LabLink.PARAMETER).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"playground", "depth", "descent", "sequence", "autoencoder"})
    void aLinkOpensTheLabWithItsSettingsAndSeedAndAChangedControlRewritesTheAddress(String route) throws Exception {
        LabFrame<Object, Object, ?, ?> lab = open(route, null);
        assertThat(replacedLocations()).as("a lab at its defaults keeps its plain address").isEmpty();
        ObjectNode config = (ObjectNode) state(lab);
        JsonNode defaults = config.deepCopy();
        long seed = lab.form.lockableControls().containsKey("seed") ? 4242 : lab.formSeed();
        if (config.has(DEFAULTS_SEED_FIELD)) {
            config.put(DEFAULTS_SEED_FIELD, seed);
        }
        // one more setting away from the defaults, through the lab's own value for it where it has one
        if (config.has("noise") && config.get("noise").isNumber() && route.equals("playground")) {
            config.put("noise", 0.25);
        }
        String link = LabLink.write(new LabLink.State(route, config.toString(), lab.definition.codec().version(),
                seed));

        lab = open(route, link);
        assertThat(getNotifications()).as("no refusal").extracting(n -> n.getElement().getProperty("text"))
                .isEmpty();
        assertThat(state(lab)).isEqualTo(JSON.readTree(config.toString()));
        assertThat(lab.formSeed()).isEqualTo(seed);
        if (!defaults.has(DEFAULTS_SEED_FIELD)) {
            assertThat(state(lab)).isEqualTo(defaults); // the seed is the state the link changed
        }
        assertThat(lab.training.hasRun()).as("the form is set; Play starts the run").isFalse();
        ShareBar bar = lab.part(ShareBar.class).orElseThrow();
        assertThat(bar.link()).startsWith(route + "?lab=");
        assertThat(LabLink.read(parameterOf(bar.link()))).isEqualTo(LabLink.read(link));
        replacedLocations();

        // a control changed by the student: the address follows at once
        changeAControl(lab);
        List<String> written = replacedLocations();
        assertThat(written).isNotEmpty();
        String last = written.get(written.size() - 1);
        assertThat(last).startsWith(route + "?lab=");
        LabLink.State now = LabLink.read(parameterOf(last));
        assertThat(JSON.readTree(now.configJson())).isEqualTo(state(lab));
        assertThat(now.seed()).isEqualTo(lab.formSeed());
        assertThat(JSON.readTree(now.configJson()).equals(JSON.readTree(config.toString())) && now.seed() == seed)
                .as("the address holds the changed state").isFalse();

        // and that address opens the same lab again
        JsonNode before = state(lab);
        long seedBefore = lab.formSeed();
        lab = open(route, parameterOf(last));
        assertThat(state(lab)).isEqualTo(before);
        assertThat(lab.formSeed()).isEqualTo(seedBefore);
    }

    /** The seed where the form shows one, else the learning rate. */
    private static void changeAControl(LabFrame<Object, Object, ?, ?> lab) {
        List<Component> seed = lab.form.lockableControls().get("seed");
        if (seed != null && seed.get(0) instanceof IntegerField field) {
            _setValue(field, field.getValue() + 1);
            return;
        }
        RangeSlider rate = (RangeSlider) lab.form.lockableControls().get("learningRate").get(0);
        _setValue(rate, Math.max(rate.getMin(), rate.getValue() - 0.5));
    }

    @Test
    void theStudentsOwnPointsTravelInTheLinkAndTooManyAreRefusedWithAReason() throws Exception {
        LabFrame<Object, Object, ?, ?> lab = open("playground", null);
        PlaygroundConfig config = ((PlaygroundConfigJson.Saved) lab.formValue()).config();
        Random random = new Random(7);
        Dataset2D few = points(random, 60);
        String json = PlaygroundConfigJson.write(config, few);
        String link = LabLink.write(new LabLink.State("playground", json, PlaygroundConfigJson.VERSION,
                lab.formSeed()));
        assertThat(link.length()).isLessThanOrEqualTo(LabLink.MAX_PARAMETER_CHARS);

        lab = open("playground", link);
        assertThat(getNotifications()).isEmpty();
        assertThat(((PlaygroundConfigJson.Saved) lab.formValue()).customData()).isEqualTo(few);

        // thousands of points of full precision cannot fit: loading them says so, and the link is not written
        Dataset2D many = points(random, 2_000);
        ShareBar bar = lab.part(ShareBar.class).orElseThrow();
        replacedLocations();
        assertThat(lab.load(new PlaygroundConfigJson.Saved(config, many), lab.formSeed())).isTrue();
        assertThat(bar.note.isVisible()).isTrue();
        assertThat(bar.note.getText()).startsWith("These settings do not fit in a link (")
                .contains("at most 6,000").contains("your own points are too many");
        assertThat(bar.copy.isEnabled()).isFalse();
        assertThat(bar.link()).isNull();
        assertThat(replacedLocations()).containsExactly("playground");
    }

    private static Dataset2D points(Random random, int n) {
        List<Point2D> train = new ArrayList<>();
        List<Point2D> test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point2D p = new Point2D(random.nextDouble() * 10 - 5, random.nextDouble() * 10 - 5, i % 2);
            (i % 4 == 0 ? test : train).add(p);
        }
        return new Dataset2D(train, test, 2);
    }

    @Test
    void hostileLinksAreRefusedWithTheirReasonAndTheLabStaysAtItsDefaults() throws Exception {
        JsonNode defaults = state(open("depth", null));
        long defaultSeed = open("depth", null).formSeed();
        String valid = LabLink.write(new LabLink.State("depth", defaults.toString(), 1, 5));

        refused("depth", "A".repeat(LabLink.MAX_PARAMETER_CHARS + 1),
                "The link is 6,001 characters long; at most 6,000 are read.", defaults, defaultSeed);
        refused("depth", "not base64!", "The link is damaged or cut short", defaults, defaultSeed);
        refused("depth", valid.substring(0, valid.length() / 2), "The link is damaged or cut short", defaults,
                defaultSeed);
        refused("depth", encode(new byte[] {(byte) 0xC3, (byte) 0x28}), "The link is damaged or cut short",
                defaults, defaultSeed);
        // a bomb: 4 MB of spaces deflate to about 4 KB (DEFLATE gives at most ~1:1000); reading stops after 65 KB
        String bomb = deflateBomb(4 * 1024 * 1024);
        assertThat(bomb.length()).isLessThan(LabLink.MAX_PARAMETER_CHARS);
        refused("depth", bomb, "The settings in the link unpack to more than 66,560 bytes.", defaults, defaultSeed);
        // NaN is not JSON; a number too large for a double is not finite
        refused("depth", envelope("depth", defaults.toString().replaceFirst("\"learningRate\":[^,}]+",
                "\"learningRate\":NaN"), 5), "The link is damaged or cut short", defaults, defaultSeed);
        refused("depth", envelope("depth", defaults.toString().replaceFirst("\"learningRate\":[^,}]+",
                "\"learningRate\":1e999"), 5), "\"learningRate\"", defaults, defaultSeed);
        // the import's rules: out of range, unknown field, another lab, a seed the form cannot show
        ObjectNode deep = defaults.deepCopy();
        deep.put("depth", 1000);
        refused("depth", LabLink.write(new LabLink.State("depth", deep.toString(), 1, 5)),
                "The setting \"depth\" must be between", defaults, defaultSeed);
        ObjectNode extra = defaults.deepCopy();
        extra.put("evil", 1);
        refused("depth", LabLink.write(new LabLink.State("depth", extra.toString(), 1, 5)),
                "The setting \"evil\" is not one this lab knows.", defaults, defaultSeed);
        refused("depth", LabLink.write(new LabLink.State("playground", defaults.toString(), 1, 5)),
                "The link is for the \"playground\" lab, not this one.", defaults, defaultSeed);
        refused("depth", LabLink.write(new LabLink.State("depth", defaults.toString(), 1, -3)),
                "The setting \"seed\" must be between 0 and", defaults, defaultSeed);
        refused("depth", LabLink.write(new LabLink.State("depth", defaults.toString(), 99, 5)),
                "The lab settings have version 99", defaults, defaultSeed);
        refused("depth", envelope("depth", "[]", 5), "The link is damaged or cut short", defaults, defaultSeed);
    }

    private void refused(String route, String parameter, String reason, JsonNode defaults, long seed)
            throws Exception {
        LabFrame<Object, Object, ?, ?> lab = open(route, parameter);
        assertThat(replacedLocations()).as("the refused link leaves the address").containsExactly(route);
        assertThat(getNotifications()).as(reason).singleElement().satisfies(n -> assertThat(n.getElement().getProperty("text"))
                .startsWith("This shared link cannot be opened. ").contains(reason)
                .endsWith("The lab shows its usual settings."));
        assertThat(state(lab)).as(reason).isEqualTo(defaults);
        assertThat(lab.formSeed()).isEqualTo(seed);
    }

    @Test
    void anotherFeaturesLinkWinsAndKeepsItsAddress() throws Exception {
        JsonNode defaults = state(open("depth", null));
        ObjectNode wide = defaults.deepCopy();
        wide.put("width", 4);
        String link = LabLink.write(new LabLink.State("depth", wide.toString(), 1, 9));
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("depth", new QueryParameters(java.util.Map.of("experiment", List.of("999999"),
                LabLink.PARAMETER, List.of(link))));
        @SuppressWarnings("unchecked")
        LabFrame<Object, Object, ?, ?> lab = (LabFrame<Object, Object, ?, ?>) UI.getCurrent().getCurrentView();
        assertThat(replacedLocations()).as("the experiment's address stays").isEmpty();
        assertThat(state(lab)).as("the share link is not read beside another feature's").isEqualTo(defaults);
        // the student changes a setting: the address still names the experiment; "Copy link" has the new state
        changeAControl(lab);
        assertThat(replacedLocations()).isEmpty();
        assertThat(lab.part(ShareBar.class).orElseThrow().link()).startsWith("depth?lab=");
    }

    /** A hand-made envelope around any config text (the writer would refuse what is not JSON). */
    private static String envelope(String lab, String config, long seed) {
        return encode(("{\"lab\":\"" + lab + "\",\"config\":" + config + ",\"configVersion\":1,\"seed\":" + seed
                + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(byte[] raw) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static String deflateBomb(int bytes) {
        Deflater deflater = new Deflater(9, true);
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int written = 0; written < bytes; written += spaces.length) {
            deflater.setInput(spaces);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
