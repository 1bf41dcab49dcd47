package io.tinynets.hostile;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.InternalServerError;
import io.tinynets.base.ui.BoundedUpload;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.Assignment;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.classroom.Submission;
import io.tinynets.data.CsvDatasetReader;
import io.tinynets.data.CsvFormatException;
import io.tinynets.data.Dataset2D;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentValidationException;
import io.tinynets.experiment.ImportResult;
import io.tinynets.experiment.LabConfigs;
import io.tinynets.experiment.Provenance;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentTrainer;
import io.tinynets.lab.playground.OutputLoss;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainingLimits;
import io.tinynets.training.TranslatableProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 8: every file of the hostile-input corpus ({@code src/test/resources/hostile}, written by
 * {@link HostileCorpusGenerator}) goes in by its way: CSV uploads, experiment imports, saved weights, lab
 * configurations, URLs and form values. For each: no exception escapes, a refusal carries a message key that exists in
 * English and Korean (and formats in both), a refused input saves nothing (rows counted before and after), and an
 * accepted one is usable within the server's limits. Failures are collected and reported together, file by file.
 */
class HostileInputCorpusTest extends KaribuTest {

    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ENGLISH);
    private static final ResourceBundle KO = ResourceBundle.getBundle("messages", Locale.KOREAN);
    private static final TrainingLimits LIMITS = TrainingLimits.defaults();

    @Autowired
    ExperimentService experiments;
    @Autowired
    LabConfigs labConfigs;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void emptyDatabase() {
        jdbc.update("DELETE FROM submission");
        jdbc.update("DELETE FROM assignment");
        jdbc.update("DELETE FROM experiment");
        ClassroomFixtures.clean(jdbc);
    }

    @Test
    void theCorpusHoldsOverAThousandCasesOfEveryKind() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String kind : List.of("csv", "experiments", "weights", "configs", "url", "forms")) {
            counts.put(kind, (long) files(kind).size());
            assertThat(counts.get(kind)).as(kind).isGreaterThan(100);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("hostile corpus: " + total + " cases " + counts);
        assertThat(total).isGreaterThanOrEqualTo(1000);
    }

    // ---- CSV uploads ------------------------------------------------------------------------------------------

    @Test
    void csvUploadsAreLoadedWithinTheLimitsOrRefusedWithAReason() throws Exception {
        for (Path file : files("csv")) {
            run(file, () -> {
                byte[] bytes = BoundedUpload.readAtMost(new ByteArrayInputStream(Files.readAllBytes(file)),
                        CsvDatasetReader.MAX_BYTES);
                if (bytes == null) {
                    translated(file, "upload.tooLarge", BoundedUpload.size(CsvDatasetReader.MAX_BYTES));
                    return;
                }
                CsvDatasetReader.Result result;
                try {
                    result = new CsvDatasetReader().read(new InputStreamReader(new ByteArrayInputStream(bytes),
                            StandardCharsets.UTF_8));
                } catch (CsvFormatException e) {
                    translated(file, e.messageKey(), e.args().toArray());
                    translated(file, "playground.upload.error", e.line(), "reason");
                    return;
                } catch (UncheckedIOException e) {
                    translated(file, "playground.upload.unreadable");
                    return;
                }
                // what the upload accepts, the lab can save, reopen (the same rules as an import) and train
                check(file, result.points().size() <= CsvDatasetReader.MAX_ROWS, "too many rows accepted");
                check(file, result.classes() >= 2 && result.classes() <= CsvDatasetReader.MAX_CLASSES,
                        "classes " + result.classes());
                check(file, result.points().stream().allMatch(p -> Double.isFinite(p.x1())
                        && Double.isFinite(p.x2()) && p.label() >= 0 && p.label() < result.classes()), "points");
                Dataset2D data = Dataset2D.split(result.points(), result.classes(), 0.5, new SplittableRandom(1));
                PlaygroundConfig config = new PlaygroundConfig(PlaygroundConfig.defaults().dataset(), 200, 0, 0.5, 10,
                        1, PlaygroundConfig.defaults().features(), List.of(4), List.of(io.tinynets.engine.Activation.TANH),
                        OutputLoss.defaultFor(data.classes()), PlaygroundConfig.defaults().initializer(),
                        PlaygroundConfig.defaults().optimizer(), 0.03, PlaygroundConfig.defaults().regularization(),
                        0);
                labConfigs.check("playground", PlaygroundConfigJson.write(config, data), 1, 1);
                trainsWithinLimits(file, new PlaygroundTrainer(config, data, 1));
            });
        }
        assertNoFailures();
    }

    // ---- experiment imports ---------------------------------------------------------------------------------------

    @Test
    void importsSaveAllOrNothingAndEveryRefusalIsTranslated() throws Exception {
        String user = "hostile.importer";
        for (Path file : files("experiments")) {
            run(file, () -> {
                long before = count("experiment");
                ImportResult result = experiments.importFile(user, Files.readAllBytes(file));
                if (result.ok()) {
                    check(file, count("experiment") == before + result.savedIds().size(), "rows saved");
                    for (long id : result.savedIds()) {
                        Experiment e = experiments.get(user, id);
                        check(file, e.provenance() == Provenance.IMPORTED, "provenance " + e.provenance());
                        labConfigs.check(e.lab(), e.configJson(), e.configVersion(), e.seed());
                    }
                } else {
                    translated(file, result.problem());
                    check(file, count("experiment") == before, "a refused import saved rows");
                }
            });
        }
        assertNoFailures();
    }

    // ---- saved weights ------------------------------------------------------------------------------------------

    @Test
    void savedWeightsContinueWithinTheLimitsOrAreRefusedAsTheLabsSay() throws Exception {
        Map<String, String> configs = HostileCorpusGenerator.weightsConfigs();
        for (Path file : files("weights")) {
            run(file, () -> {
                String lab = file.getFileName().toString().replaceFirst("^\\d+-", "").split("__")[0];
                String weights = Files.readString(file, StandardCharsets.UTF_8);
                Trainer<?> trainer;
                try {
                    trainer = continued(lab, configs.get(lab), weights);
                } catch (IllegalArgumentException e) {
                    // the lab shows "<lab>.experiment.continueFailed" or ".unreadable" with the reason
                    translated(file, lab + ".experiment.unreadable", "name", "reason");
                    return;
                }
                trainsWithinLimits(file, trainer);
            });
        }
        assertNoFailures();
    }

    private static Trainer<?> continued(String lab, String config, String weights) {
        return switch (lab) {
            case "playground" -> {
                PlaygroundConfig c = PlaygroundConfigJson.read(config, 1).config();
                Dataset2D data = Dataset2D.generate(c.dataset(), c.points(), c.noise(), c.trainFraction(),
                        new SplittableRandom(c.seed()));
                yield new PlaygroundTrainer(c, data, 1, weights);
            }
            case "descent" -> new DescentTrainer(DescentConfigJson.read(config, 1), weights);
            case "depth" -> new DepthTrainer(DepthConfigJson.read(config, 1), 1, weights);
            case "sequence" -> new SequenceTrainer(SequenceConfigJson.read(config, 1), new LiveOptions(), 1, weights);
            case "autoencoder" -> {
                // as the training service does: the factory's check, then the build (which makes the model while
                // it prepares, on the pool)
                var factory = AutoencoderLabTrainer.factory(AutoencoderConfigJson.read(config, 1), weights);
                factory.check();
                yield factory.create(1);
            }
            default -> throw new AssertionError("no lab " + lab);
        };
    }

    // ---- lab configurations ---------------------------------------------------------------------------------------

    @Test
    void labConfigurationsAreRefusedWithTheFieldOrTrainWithinTheLimits() throws Exception {
        for (Path file : files("configs")) {
            run(file, () -> {
                String lab = file.getFileName().toString().replaceFirst("^\\d+-", "").split("__")[0];
                String json = Files.readString(file, StandardCharsets.UTF_8);
                try {
                    labConfigs.check(lab, json, 1, 7);
                } catch (ExperimentValidationException e) {
                    translated(file, e);
                    return;
                }
                trainsWithinLimits(file, built(lab, json));
            });
        }
        assertNoFailures();
    }

    private static Trainer<?> built(String lab, String json) {
        return switch (lab) {
            case "playground" -> {
                PlaygroundConfigJson.Saved s = PlaygroundConfigJson.read(json, 1);
                PlaygroundConfig c = s.config();
                Dataset2D data = s.customData() != null ? s.customData() : Dataset2D.generate(c.dataset(),
                        c.points(), c.noise(), c.trainFraction(), new SplittableRandom(c.seed()));
                yield new PlaygroundTrainer(c, data, 7);
            }
            case "descent" -> new DescentTrainer(DescentConfigJson.read(json, 1));
            case "depth" -> new DepthTrainer(DepthConfigJson.read(json, 1), 7);
            case "sequence" -> new SequenceTrainer(SequenceConfigJson.read(json, 1), new LiveOptions(), 7);
            case "autoencoder" -> AutoencoderLabTrainer.factory(AutoencoderConfigJson.read(json, 1)).create(7);
            default -> throw new AssertionError("no lab " + lab);
        };
    }

    // ---- URL parameters -------------------------------------------------------------------------------------------

    @Test
    void hostileAddressesOpenWithATranslatedMessageOrNotAtAll() throws Exception {
        String student = "hostile.visitor";
        ClassroomFixtures.account(accounts, student, Role.STUDENT);
        long mine = experiments.save(student, new ExperimentDraft("playground", "mine", "", List.of(),
                PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null), 1, 1, List.of(), Map.of(), null,
                null));
        login(student, "STUDENT");
        for (Path file : files("url")) {
            run(file, () -> {
                String location = Files.readString(file, StandardCharsets.UTF_8).strip().replace("1&experiment=2",
                        mine + "&experiment=" + mine);
                long before = count("experiment");
                NotificationsKt.clearNotifications();
                int q = location.indexOf('?');
                // what the browser's address becomes on the server: a path and decoded query parameters
                UI.getCurrent().navigate(q < 0 ? location : location.substring(0, q), q < 0
                        ? com.vaadin.flow.router.QueryParameters.empty()
                        : com.vaadin.flow.router.QueryParameters.fromString(location.substring(q + 1)));
                List<HasElement> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
                check(file, chain.stream().noneMatch(c -> c instanceof InternalServerError),
                        "navigation failed with an internal error");
                for (Notification n : NotificationsKt.getNotifications()) {
                    String text = n.getElement().getProperty("text", "") + n.getElement().getTextRecursively();
                    check(file, !text.contains("!") || !text.matches(".*![a-z]+\\.[A-Za-z.]+.*"),
                            "untranslated: " + text);
                }
                check(file, count("experiment") == before, "navigation saved rows");
            });
        }
        UI.getCurrent().navigate("");
        assertNoFailures();
    }

    // ---- form values ----------------------------------------------------------------------------------------------

    @Test
    void formValuesAreStoredCleanOrRefusedWithoutSavingAnything() throws Exception {
        ClassroomFixtures.account(accounts, "hostile.teacher", Role.TEACHER);
        SchoolClass c = classes.create("hostile.teacher", "Hostile class");
        classes.signUp(c.joinCode(), "hostile.student", "Student", "long enough");
        String config = PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null);
        long source = experiments.save("hostile.teacher", new ExperimentDraft("playground", "source", "", List.of(),
                config, 1, 1, List.of(), Map.of("loss", 0.1), null, null));
        Assignment a = assignments.create("hostile.teacher", c.id(), source, "A", "", List.of("learningRate"), null);
        long work = experiments.save("hostile.student", new ExperimentDraft("playground", "work", "", List.of(),
                config, 1, 1, List.of(), Map.of("loss", 0.1), null, null));
        Submission s = assignments.submit("hostile.student", a.id(), work);
        for (Path file : files("forms")) {
            run(file, () -> {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int newline = content.indexOf('\n');
                String target = content.substring(0, newline);
                String value = content.substring(newline + 1);
                long[] before = counts();
                try {
                    switch (target) {
                        case "experiment.name" -> experiments.rename("hostile.student", work, value);
                        case "experiment.notes" -> experiments.updateNotes("hostile.student", work, value);
                        case "experiment.tags" -> experiments.updateTags("hostile.student", work,
                                Arrays.asList(value.split(",", -1)));
                        case "class.name" -> classes.create("hostile.teacher", value);
                        case "students" -> classes.importStudents("hostile.teacher", c.id(), value);
                        case "assignment.title" -> assignments.create("hostile.teacher", c.id(), source, value, "",
                                List.of(), null);
                        case "assignment.instructions" -> assignments.create("hostile.teacher", c.id(), source, "T",
                                value, List.of(), null);
                        case "feedback" -> assignments.feedback("hostile.teacher", s.id(), value);
                        default -> throw new AssertionError("unknown form target " + target);
                    }
                } catch (RuntimeException e) {
                    if (!(e instanceof TranslatableProblem p)) {
                        throw e;
                    }
                    translated(file, p);
                    check(file, Arrays.equals(before, counts()), "a refused value saved rows");
                    return;
                }
                Experiment stored = experiments.get("hostile.student", work);
                check(file, stored.name().length() <= 200 && stored.notes().length() <= 4000
                        && stored.name().chars().noneMatch(ch -> ch < 0x20), "stored " + stored.name());
            });
        }
        assertNoFailures();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private interface Case {
        void run() throws Exception;
    }

    /** Runs one case; whatever escapes it (an unhandled exception) is a failure of that file. */
    private void run(Path file, Case c) {
        try {
            c.run();
        } catch (ExperimentValidationException e) {
            // a rule applied inside an accepted path refused what the first check accepted
            failures.add(file.getFileName() + ": accepted, then refused by the lab's rules: " + e.getMessage());
        } catch (Throwable t) {
            failures.add(file.getFileName() + ": unhandled " + t);
        }
    }

    private void check(Path file, boolean ok, String what) {
        if (!ok) {
            failures.add(file.getFileName() + ": " + what);
        }
    }

    private void translated(Path file, TranslatableProblem p) {
        translated(file, p.messageKey(), p.messageArgs());
    }

    private void translated(Path file, String key, Object... args) {
        for (ResourceBundle bundle : List.of(EN, KO)) {
            if (!bundle.containsKey(key)) {
                failures.add(file.getFileName() + ": no " + bundle.getLocale() + " text for " + key);
                continue;
            }
            String text = new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
            check(file, !text.isBlank() && !text.matches(".*\\{\\d+}.*"), key + " formats as '" + text + "'");
        }
    }

    private void trainsWithinLimits(Path file, Trainer<?> trainer) {
        check(file, trainer.parameterCount() <= LIMITS.maxParameters(), "parameters " + trainer.parameterCount());
        check(file, trainer.datasetSize() <= LIMITS.maxDatasetSize(), "examples " + trainer.datasetSize());
        trainer.trainEpoch();
        trainer.captureInternals();
    }

    private void assertNoFailures() {
        assertThat(failures).as(failures.size() + " failures").isEmpty();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private long[] counts() {
        return new long[] {count("experiment"), count("school_class"), count("app_user"), count("assignment")};
    }

    private static List<Path> files(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(HostileInputCorpusTest.class.getResource("/hostile/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
