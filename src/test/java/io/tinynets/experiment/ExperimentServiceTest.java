package io.tinynets.experiment;

import io.tinynets.TestAccounts;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.Point2D;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.tinynets.experiment.ExperimentFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The service on real H2 with the Flyway schema. Each test works as its own user, so tests never see each other. */
@SpringBootTest
class ExperimentServiceTest {

    @Autowired
    ExperimentService service;
    @Autowired
    JdbcTemplate jdbc;

    private final String me = "user-" + System.nanoTime();
    private final String other = me + "-other";

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(jdbc, me);
        TestAccounts.ensure(jdbc, other);
    }

    @AfterEach
    void realClock() {
        service.setClock(Clock.systemUTC());
    }

    @Test
    void savedExperimentReopensWithEverythingNeededToReplayIt() {
        ExperimentDraft d = draft("playground", "XOR with tanh");
        long id = service.save(me, d);

        Experiment e = service.get(me, id);
        assertThat(e.owner()).isEqualTo(me);
        assertThat(e.lab()).isEqualTo("playground");
        assertThat(e.name()).isEqualTo("XOR with tanh");
        assertThat(e.notes()).isEqualTo("first try");
        assertThat(e.tags()).containsExactly("tanh", "xor");
        assertThat(e.configJson()).isEqualTo(d.configJson());
        assertThat(e.configVersion()).isEqualTo(1);
        assertThat(e.seed()).isEqualTo(42);
        assertThat(e.curves()).isEqualTo(d.curves());
        assertThat(e.finalMetrics()).isEqualTo(Map.of("loss", 0.1, "accuracy", 0.975));
        assertThat(e.weightsJson()).isEqualTo(d.weightsJson());
        assertThat(e.picture()).isEqualTo(d.picture());
        assertThat(e.picture().valueAt(1, 1)).isEqualTo(1.0);
        assertThat(e.createdAt()).isEqualTo(e.updatedAt());
    }

    @Test
    void divergedRunKeepsItsNanLossAsAGap() {
        Curve loss = Curve.of("loss", new double[] {1, 2, 3}, new double[] {0.5, 4e10, Double.NaN});
        ExperimentDraft d = new ExperimentDraft("descent", "too fast", "", List.of(), "{\"lr\":9}", 1, 7,
                List.of(loss), Map.of(), null, null);
        Experiment e = service.get(me, service.save(me, d));
        assertThat(e.curves().get(0).y()).containsExactly(0.5, 4e10, Double.NaN);
        assertThat(e.weightsJson()).isNull();
        assertThat(e.picture()).isNull();
    }

    @Test
    void longCurvesAreStoredDownsampledKeepingExtremesAndTheRawTail() {
        int n = 50_000;
        double[] x = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1.0 / (i + 1) + 0.01 * Math.sin(i);
        }
        y[1234] = 7.5; // a spike in the thinned part
        y[20_000] = -3; // the lowest point
        ExperimentDraft base = draft("playground", "long");
        ExperimentDraft d = new ExperimentDraft("playground", "long", "", List.of(), base.configJson(), 1, 1,
                List.of(Curve.of("loss", x, y)), Map.of(), null, null);

        Curve stored = service.get(me, service.save(me, d)).curves().get(0);

        assertThat(stored.size()).isLessThanOrEqualTo(ExperimentLimits.STORED_POINTS_MAX);
        assertThat(stored.recordedPoints()).isEqualTo(n);
        assertThat(stored.downsampled()).isTrue();
        assertThat(stored.y()).contains(7.5, -3.0);
        double[] sx = stored.x();
        for (int i = 1; i < sx.length; i++) {
            assertThat(sx[i]).as("x increases at " + i).isGreaterThan(sx[i - 1]);
        }
        int tail = ExperimentLimits.RAW_TAIL;
        for (int i = 0; i < tail; i++) {
            assertThat(stored.y()[stored.size() - tail + i]).isEqualTo(y[n - tail + i]);
        }
    }

    @Test
    void listFiltersByLabTagAndTextNewestFirst() {
        long a = service.save(me, draft("playground", "Spiral 100% wide"));
        long b = service.save(me, draft("descent", "Ravine").describedAs("Ravine", "adam beats sgd", List.of("adam")));
        long c = service.save(me, draft("playground", "XOR_small").describedAs("XOR_small", "", List.of("xor")));
        service.save(other, draft("playground", "not mine"));

        assertThat(ids(ExperimentFilter.ALL)).containsExactly(c, b, a);
        assertThat(ids(new ExperimentFilter("playground", null, null))).containsExactly(c, a);
        assertThat(ids(new ExperimentFilter(null, "adam", null))).containsExactly(b);
        assertThat(ids(new ExperimentFilter(null, null, "SGD"))).containsExactly(b);
        // % and _ are literal characters, not SQL wildcards
        assertThat(ids(new ExperimentFilter(null, null, "100%"))).containsExactly(a);
        assertThat(ids(new ExperimentFilter(null, null, "r_v"))).isEmpty();
        assertThat(ids(new ExperimentFilter(null, null, "r_s"))).containsExactly(c);
        assertThat(service.labs(me)).containsExactly("descent", "playground");
        assertThat(service.tags(me)).containsExactly("adam", "tanh", "xor");
        ExperimentSummary row = service.list(me, new ExperimentFilter(null, "adam", null)).get(0);
        assertThat(row.finalLoss()).isEqualTo(0.1);
        assertThat(row.finalAccuracy()).isEqualTo(0.975);
    }

    private List<Long> ids(ExperimentFilter filter) {
        return service.list(me, filter).stream().map(ExperimentSummary::id).toList();
    }

    @Test
    void renameNotesAndTagsChangeOnlyWhatTheySay() {
        long id = service.save(me, draft("playground", "old"));
        service.setClock(Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC));
        assertThat(service.rename(me, id, "  new name \n").name()).isEqualTo("new name");
        assertThat(service.updateNotes(me, id, "lr 0.3 diverged").notes()).isEqualTo("lr 0.3 diverged");
        assertThat(service.updateTags(me, id, List.of(" lr ", "lr", "adam")).tags()).containsExactly("adam", "lr");
        Experiment e = service.get(me, id);
        assertThat(e.updatedAt()).isAfter(e.createdAt());
        assertThat(e.seed()).isEqualTo(42);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheRange() {
        long id = service.save(me, draft("playground", "ok"));
        assertThatThrownBy(() -> service.rename(me, id, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The name must have 1 to 200 characters.");
        assertThatThrownBy(() -> service.rename(me, id, "x".repeat(201)))
                .hasMessageContaining("1 to 200 characters");
        assertThatThrownBy(() -> service.updateNotes(me, id, "n".repeat(4001)))
                .hasMessage("The notes have 4,001 characters; at most 4,000 are allowed.");
        assertThatThrownBy(() -> service.updateTags(me, id, List.of("a,b")))
                .hasMessageContaining("The tag \"a,b\" is not valid");
        assertThatThrownBy(() -> service.save(me, draft("Play Ground", "x")))
                .hasMessageContaining("lab key \"Play Ground\"");
        ExperimentDraft bigWeights = new ExperimentDraft("playground", "w", "", List.of(), "{}", 1, 1, List.of(),
                Map.of(), "[" + "0,".repeat(ExperimentLimits.WEIGHTS_MAX_CHARS / 2) + "0]", null);
        assertThatThrownBy(() -> service.save(me, bigWeights)).hasMessageContaining("weights have");
        ExperimentDraft notObject = new ExperimentDraft("playground", "c", "", List.of(), "[1]", 1, 1, List.of(),
                Map.of(), null, null);
        assertThatThrownBy(() -> service.save(me, notObject)).hasMessage("The settings must be a JSON object.");
        assertThatThrownBy(() -> service.save(me, new ExperimentDraft("playground", "m", "", List.of(), "{}", 1, 1,
                List.of(), Map.of("loss", Double.NaN), null, null))).hasMessageContaining("\"loss\"");
        assertThat(service.get(me, id).name()).isEqualTo("ok");
    }

    @Test
    void namesAreKeptVerbatimSoTheViewCanRenderThemAsText() {
        String html = "<img src=x onerror=alert(1)> & <b>bold</b>";
        long id = service.save(me, draft("playground", html));
        assertThat(service.get(me, id).name()).isEqualTo(html);
    }

    @Test
    void anotherUserCanNeitherSeeNorChangeMyExperiment() {
        long id = service.save(me, draft("playground", "mine"));
        long theirs = service.save(other, draft("playground", "theirs"));
        List<Runnable> attempts = List.of(
                () -> service.get(other, id),
                () -> service.rename(other, id, "stolen"),
                () -> service.updateNotes(other, id, "x"),
                () -> service.updateTags(other, id, List.of("x")),
                () -> service.delete(other, id),
                () -> service.undoDelete(other, id),
                () -> service.compare(other, List.of(id, theirs)),
                () -> service.exportJson(other, List.of(id)),
                () -> service.exportCsv(other, List.of(theirs, id)));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ExperimentAccessException.class,
                    e -> assertThat(e.reason()).isEqualTo(ExperimentAccessException.Reason.NOT_OWNER));
        }
        assertThat(service.list(other, ExperimentFilter.ALL)).extracting(ExperimentSummary::id)
                .containsExactly(theirs);
        Experiment unchanged = service.get(me, id);
        assertThat(unchanged.name()).isEqualTo("mine");
        assertThat(unchanged.tags()).containsExactly("tanh", "xor");
        assertThatThrownBy(() -> service.get(me, 999_999_999L)).isInstanceOfSatisfying(
                ExperimentAccessException.class,
                e -> assertThat(e.reason()).isEqualTo(ExperimentAccessException.Reason.NOT_FOUND));
    }

    @Test
    void deleteHidesAtOnceAndUndoBringsItBackWithinTheWindow() {
        long id = service.save(me, draft("playground", "oops"));
        service.delete(me, id);
        assertThat(service.list(me, ExperimentFilter.ALL)).isEmpty();
        assertThatThrownBy(() -> service.get(me, id)).isInstanceOf(ExperimentAccessException.class);

        service.undoDelete(me, id);
        assertThat(service.get(me, id).curves()).hasSize(2);
    }

    @Test
    void deletedExperimentIsPurgedOnceTheUndoWindowHasPassed() {
        long id = service.save(me, draft("playground", "gone"));
        long keeper = service.save(me, draft("playground", "keeper"));
        service.delete(me, id);
        service.setClock(Clock.fixed(Instant.now().plus(ExperimentService.UNDO_WINDOW).plusSeconds(5),
                ZoneOffset.UTC));
        assertThatThrownBy(() -> service.undoDelete(me, id)).isInstanceOf(ExperimentAccessException.class);

        service.delete(me, keeper); // any later delete purges what is past its window
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM experiment_curve WHERE experiment_id = ?",
                Integer.class, id)).isZero();
        service.undoDelete(me, keeper);
        assertThat(service.get(me, keeper).name()).isEqualTo("keeper");
    }

    @Test
    void compareShowsOnlyTheSettingsThatDiffer() {
        long a = service.save(me, draft("descent", "lr 0.1", 0.1, 42));
        long b = service.save(me, draft("descent", "lr 0.3", 0.30, 42));
        long c = service.save(me, draft("descent", "lr 0.1 seed 7", 0.10, 7));

        Comparison comparison = service.compare(me, List.of(a, b, c));

        assertThat(comparison.experiments()).extracting(Experiment::name)
                .containsExactly("lr 0.1", "lr 0.3", "lr 0.1 seed 7");
        assertThat(comparison.differences()).containsExactly(
                new ConfigDifference("seed", List.of("42", "42", "7")),
                new ConfigDifference("learningRate", List.of("0.1", "0.3", "0.1")));
        assertThat(comparison.curveNames()).containsExactly("loss", "test loss");
        assertThatThrownBy(() -> service.compare(me, List.of(a, a)))
                .hasMessage("Select 2 to 8 experiments to compare (1 selected).");
    }

    @Test
    void exportedFileImportsAsNewIdenticalExperiments() {
        long a = service.save(me, draft("playground", "one"));
        long b = service.save(me, draft("descent", "two", 0.5, 3));
        byte[] file = service.exportJson(me, List.of(a, b));

        ImportResult result = service.importFile(other, file);

        assertThat(result.ok()).isTrue();
        assertThat(result.savedIds()).hasSize(2);
        Experiment copy = service.get(other, result.savedIds().get(1));
        Experiment original = service.get(me, b);
        assertThat(copy.toDraft()).usingRecursiveComparison().ignoringFields("configJson", "weightsJson",
                "provenance").isEqualTo(original.toDraft());
        // the figures are the file's now: never measured by this server, whatever they were where they came from
        assertThat(original.provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(copy.provenance()).isEqualTo(Provenance.IMPORTED);
        assertThat(ExperimentJson.parseOrNull(copy.configJson()))
                .isEqualTo(ExperimentJson.parseOrNull(original.configJson()));
        assertThat(ExperimentJson.parseOrNull(copy.weightsJson()))
                .isEqualTo(ExperimentJson.parseOrNull(original.weightsJson()));
        assertThat(copy.owner()).isEqualTo(other);
    }

    @Test
    void curvesExportAsCsvWithFormulaInjectionDefused() {
        long id = service.save(me, draft("playground", "=HYPERLINK(\"x\")"));
        String csv = service.exportCsv(me, List.of(id));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("experiment_id,experiment,lab,series,x,y");
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.get(1)).isEqualTo(id + ",\"'=HYPERLINK(\"\"x\"\")\",\"playground\",\"loss\",1,0.69");
        assertThat(lines.get(8)).endsWith(",\"test loss\",4,0.15");
    }

    @Test
    void importRefusalsAreSpecificAndSaveNothing() {
        long before = count();
        assertRefused("{\"format\":\"tinynets-experiments\",\"schemaVersion\":2,\"experiments\":[]}",
                "experiments.import.unknownVersion");
        assertRefused("{\"format\":\"tinynets-experiments\",", "experiments.import.malformed");
        assertRefused("[1,2]", "experiments.import.notAnExport");
        String valid = new String(service.exportJson(me, List.of(service.save(me, draft("playground", "v")))),
                StandardCharsets.UTF_8);
        before = count();
        assertRefused(valid.replace("\"seed\" : 42", "\"seed\" : \"42\""), "experiments.import.wrongType.wholeNumber");
        assertRefused(valid.replace("\"configVersion\" : 1", "\"configVersion\" : 5000"),
                "experiments.invalid.configVersion");
        assertRefused(valid.replace("\"lab\" : \"playground\"", "\"lab\" : \"<script>\""),
                "experiments.invalid.lab");
        byte[] huge = new byte[ExperimentLimits.IMPORT_MAX_BYTES + 1];
        ImportResult tooLarge = service.importFile(me, huge);
        assertThat(tooLarge.problem().messageKey()).isEqualTo("experiments.import.tooLarge");
        assertThat(tooLarge.problem().getMessage()).isEqualTo("The file is 5.0 MB; the limit is 5 MB. Nothing was "
                + "imported.");
        ImportResult wrong = service.importFile(me, valid.replace("\"seed\" : 42", "\"seed\" : 4.5")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.problem().experimentNumber()).isEqualTo(1);
        assertThat(wrong.problem().getMessage()).isEqualTo("experiment 1: The field \"seed\" must be a whole number.");
        assertThat(count()).isEqualTo(before);
    }

    /**
     * Issue 15's crafted import: a playground experiment whose own data claims 10⁸ classes, or holds a point that is not
     * finite or whose label is no class, is refused at import by the lab's rules, naming the field; nothing is saved.
     */
    @Test
    void aCraftedLabConfigurationIsRefusedAtImportNamingTheField() {
        String own = PlaygroundConfigJson.write(PlaygroundConfig.defaults(), new Dataset2D(
                List.of(new Point2D(0.5, 1.5, 1), new Point2D(-1, 2, 0)), List.of(), 2));
        long id = service.save(me, new ExperimentDraft("playground", "own points", "", List.of(), own, 1, 1,
                List.of(), Map.of("loss", 0.2), null, null));
        String valid = new String(service.exportJson(me, List.of(id)), StandardCharsets.UTF_8);
        assertThat(service.importFile(other, valid.getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
        String point = "\\[\\s*0\\.5,\\s*1\\.5,\\s*1(\\.0)?\\s*]";
        assertThat(valid).containsPattern("\"classes\"\\s*:\\s*2").containsPattern(point);
        long before = count();

        ImportResult classes = service.importFile(me, valid.replaceAll("\"classes\"\\s*:\\s*2",
                "\"classes\" : 100000000").getBytes(StandardCharsets.UTF_8));
        assertThat(classes.problem().messageKey()).isEqualTo("experiments.config.range");
        assertThat(classes.problem().experimentNumber()).isEqualTo(1);
        assertThat(classes.problem().getMessage()).isEqualTo("experiment 1: The setting \"customData.classes\" must be "
                + "between 0 and 10; it was 100000000.");
        ImportResult label = service.importFile(me, valid.replaceAll(point, "[ 0.5, 1.5, 2.0 ]")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(label.problem().messageKey()).isEqualTo("experiments.config.label");
        ImportResult infinite = service.importFile(me, valid.replaceAll(point, "[ 0.5, 1e999, 1.0 ]")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(infinite.problem().messageKey()).isEqualTo("experiments.config.point");
        ImportResult unknownLab = service.importFile(me, valid.replace("\"lab\" : \"playground\"",
                "\"lab\" : \"hopfield\"").getBytes(StandardCharsets.UTF_8));
        assertThat(unknownLab.problem().messageKey()).isEqualTo("experiments.config.unknownLab");
        assertThat(count()).isEqualTo(before);
    }

    private void assertRefused(String file, String key) {
        ImportResult r = service.importFile(me, file.getBytes(StandardCharsets.UTF_8));
        assertThat(r.ok()).as(file).isFalse();
        assertThat(r.problem().messageKey()).as(file).isEqualTo(key);
        assertThat(r.savedIds()).isEmpty();
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = ?", Long.class, me);
    }

    @Test
    void pictureQuantizesIntoItsRange() {
        Picture p = Picture.quantize(3, 1, new double[] {-2, 0, 5}, -1, 1);
        assertThat(p.dequantized()).containsExactly(new double[] {-1, 1.0 / 255, 1}, within(1e-15));
        assertThat(p.valueAt(1, 0)).isCloseTo(0, within(1.0 / 255));
    }
}
