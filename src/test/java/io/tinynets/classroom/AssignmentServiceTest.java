package io.tinynets.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.DatasetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.init.Initializer;
import io.tinynets.experiment.Comparison;
import io.tinynets.experiment.ConfigDifference;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
public class AssignmentServiceTest {

    @Autowired
    AssignmentService assignments;
    @Autowired
    ClassService classes;
    @Autowired
    AccountService accounts;
    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;
    private SchoolClass a;
    private SchoolClass b;
    private Assignment xor;

    /**
     * A playground run a lab would save (so its figures count as measured here): the playground's default settings with
     * this learning rate, one hidden layer of {@code hidden} units (more than the lab allows makes a crafted one) and
     * this data set, whose training loss ended at {@code finalLoss}.
     */
    public static ExperimentDraft run(String lab, double lr, int hidden, String dataset, double finalLoss) {
        return new ExperimentDraft(lab, "lr " + lr, "", List.of(), playground(dataset, lr, List.of(hidden)), 1,
                7, List.of(Curve.of("loss", new double[] {1, 2}, new double[] {0.7, finalLoss})),
                Map.of("loss", finalLoss), null, null);
    }

    /** The playground's settings JSON with these values (hidden layers of any width, each with a tanh). */
    public static String playground(String dataset, double lr, List<Integer> hidden) {
        try {
            ObjectNode c = (ObjectNode) JSON.readTree(PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null));
            c.put("dataset", dataset);
            c.put("learningRate", lr);
            ArrayNode h = c.putArray("hidden");
            ArrayNode acts = c.putArray("activations");
            hidden.forEach(n -> {
                h.add(n);
                acts.add("tanh");
            });
            return JSON.writeValueAsString(c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The controls of {@link #playground}'s settings, in the order the lab writes them. */
    public static final List<String> CONTROLS = List.of("dataset", "points", "noise", "trainFraction", "batchSize",
            "seed", "features", "hidden", "activations", "outputLoss", "initializer", "optimizer", "learningRate",
            "regularization", "regularizationRate");

    @BeforeEach
    void classWithAnAssignment() {
        ClassroomFixtures.clean(jdbc);
        jdbc.update("DELETE FROM experiment");
        ClassroomFixtures.account(accounts, "kim", Role.TEACHER);
        ClassroomFixtures.account(accounts, "lee", Role.TEACHER);
        a = classes.create("kim", "3-A");
        b = classes.create("lee", "3-B");
        classes.signUp(a.joinCode(), "minji", "Minji", "long enough");
        classes.signUp(a.joinCode(), "hana", "Hana", "long enough");
        classes.signUp(b.joinCode(), "jisoo", "Jisoo", "long enough");
        long source = experiments.save("kim", run("playground", 0.1, 4, "xor", 0.3));
        assertThat(assignments.controlsOf("kim", source)).containsExactlyElementsOf(CONTROLS);
        xor = assignments.create("kim", a.id(), source, "Tame XOR", "Only change the learning rate.",
                List.of("learningRate"), new Goal("loss", true, 0.05));
    }

    private static void refused(String key, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClassroomException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aSubmissionWithOnlyUnlockedChangesIsCheckedAgainstTheGoal() {
        long good = experiments.save("minji", run("playground", 0.5, 4, "xor", 0.01));
        long weak = experiments.save("minji", run("playground", 0.001, 4, "xor", 0.6));
        Submission s1 = assignments.submit("minji", xor.id(), good);
        Submission s2 = assignments.submit("minji", xor.id(), weak);
        assertThat(s1.goalMet()).isTrue();
        assertThat(s1.metricValue()).isEqualTo(0.01);
        assertThat(s2.goalMet()).isFalse();
        refused("classroom.submit.already", () -> assignments.submit("minji", xor.id(), good));
    }

    /** A spiral run with {@code layers} hidden layers of 4 whose final test loss is {@code testLoss}. */
    private static ExperimentDraft layered(int layers, double testLoss) {
        return new ExperimentDraft("playground", layers + " layers", "", List.of(),
                playground("spiral", 0.1, java.util.Collections.nCopies(layers, 4)), 1, 7,
                List.of(Curve.of("loss", new double[] {1}, new double[] {testLoss})),
                Map.of("loss", testLoss, "test loss", testLoss), null, null);
    }

    @Test
    void aGoalMayCapASettingAndTheCapIsPartOfTheCheck() {
        long source = experiments.save("kim", layered(2, 0.3));
        assertThat(assignments.limitableControlsOf("kim", source)).containsExactly("points", "noise", "trainFraction",
                "batchSize", "seed", "features", "hidden", "activations", "learningRate", "regularizationRate");
        // the layer control writes both lists: unlocking the layers unlocks both
        Assignment spiral = assignments.create("kim", a.id(), source, "Spiral", "", List.of("hidden", "activations"),
                new Goal("test loss", true, 0.1, Optional.of(new Limit("hidden", 2))));
        assertThat(assignments.get("minji", spiral.id()).goal().orElseThrow().limit())
                .contains(new Limit("hidden", 2));

        Submission within = assignments.submit("minji", spiral.id(), experiments.save("minji", layered(1, 0.05)));
        Submission tooDeep = assignments.submit("minji", spiral.id(), experiments.save("minji", layered(3, 0.01)));
        Submission weak = assignments.submit("minji", spiral.id(), experiments.save("minji", layered(2, 0.5)));
        assertThat(within.goalMet()).isTrue();
        assertThat(tooDeep.goalMet()).isFalse(); // accepted (the layers are unlocked), but over the cap
        assertThat(tooDeep.metricValue()).isEqualTo(0.01);
        assertThat(weak.goalMet()).isFalse();

        refused("classroom.assignment.unknownControl", () -> assignments.create("kim", a.id(), source, "x", "",
                List.of(), new Goal("loss", true, 0.1, Optional.of(new Limit("optimizer.kind", 1)))));
        refused("classroom.assignment.invalidLimit", () -> new Limit("hidden", Double.NaN));
        refused("classroom.assignment.invalidLimit", () -> new Limit("1; DROP", 2));
    }

    @Test
    void whereTheConfigurationHasNoSeedTheRunSeedOfTheAssignmentIsLocked() {
        // the depth lab keeps the run's seed outside its configuration
        String depth = DepthConfigJson.write(new DepthConfig(DatasetKind.XOR, 3, 4, List.of(Activation.TANH),
                Initializer.XAVIER, 0.1));
        ExperimentDraft same = new ExperimentDraft("depth", "deep", "", List.of(), depth, 1, 7,
                List.of(Curve.of("loss", new double[] {1}, new double[] {0.01})), Map.of("loss", 0.01), null, null);
        Assignment deep = assignments.create("kim", a.id(), experiments.save("kim", same), "Deep", "", List.of(),
                new Goal("loss", true, 0.05));
        ExperimentDraft otherSeed = new ExperimentDraft(same.lab(), same.name(), "", List.of(), same.configJson(),
                same.configVersion(), 8, same.curves(), same.finalMetrics(), null, null);
        assertThat(deep.seed()).hasValue(7);
        refused("classroom.submit.locked", () -> assignments.submit("minji", deep.id(),
                experiments.save("minji", otherSeed)));
        assertThat(assignments.submit("minji", deep.id(), experiments.save("minji", same)).goalMet()).isTrue();
    }

    @Test
    void aLockedControlChangedInACraftedSubmissionIsRefused() {
        long widened = experiments.save("minji", run("playground", 0.5, 64, "xor", 0.001));
        long otherData = experiments.save("minji", run("playground", 0.1, 4, "spiral", 0.001));
        long otherLab = experiments.save("minji", run("depth", 0.1, 4, "xor", 0.001));
        refused("classroom.submit.locked", () -> assignments.submit("minji", xor.id(), widened));
        refused("classroom.submit.locked", () -> assignments.submit("minji", xor.id(), otherData));
        refused("classroom.submit.wrongLab", () -> assignments.submit("minji", xor.id(), otherLab));
        assertThat(assignments.submissions("kim", xor.id())).isEmpty();
    }

    @Test
    void theTeacherSeesComparesAndAnswersAndEachStudentSeesOnlyTheirOwn() {
        Submission m = assignments.submit("minji", xor.id(),
                experiments.save("minji", run("playground", 0.5, 4, "xor", 0.01)));
        Submission h = assignments.submit("hana", xor.id(),
                experiments.save("hana", run("playground", 0.2, 4, "xor", 0.2)));
        assertThat(assignments.submissions("kim", xor.id())).extracting(Submission::studentName)
                .containsExactly("Hana", "Minji");
        assertThat(assignments.submissions("minji", xor.id())).extracting(Submission::id).containsExactly(m.id());
        assertThat(assignments.open("kim", h.id()).finalMetrics()).containsEntry("loss", 0.2);

        Comparison c = assignments.compare("kim", List.of(m.id(), h.id()));
        assertThat(c.differences()).extracting(ConfigDifference::field).containsExactly("learningRate");

        assignments.feedback("kim", m.id(), "Well tuned!");
        assertThat(assignments.submissions("minji", xor.id()).get(0).feedback()).isEqualTo("Well tuned!");
    }

    @Test
    void outsidersCannotReachTheAssignmentOrItsSubmissions() {
        Submission m = assignments.submit("minji", xor.id(),
                experiments.save("minji", run("playground", 0.5, 4, "xor", 0.01)));
        long jisoos = experiments.save("jisoo", run("playground", 0.5, 4, "xor", 0.01));
        String denied = ClassroomException.DENIED;
        refused(denied, () -> assignments.get("jisoo", xor.id()));                // another class's assignment
        refused(denied, () -> assignments.submit("jisoo", xor.id(), jisoos));
        refused(denied, () -> assignments.submissions("lee", xor.id()));
        refused(denied, () -> assignments.open("hana", m.id()));                   // a classmate's submission
        refused(denied, () -> assignments.open("lee", m.id()));
        refused(denied, () -> assignments.feedback("minji", m.id(), "great, me"));
        refused(denied, () -> assignments.feedback("lee", m.id(), "hi"));
        refused(denied, () -> assignments.submit("hana", xor.id(), m.experimentId())); // someone else's experiment
        refused(denied, () -> assignments.create("lee", a.id(), 1, "x", "", List.of(), null));
        refused(denied, () -> assignments.create("minji", a.id(), 1, "x", "", List.of(), null));
    }
}
