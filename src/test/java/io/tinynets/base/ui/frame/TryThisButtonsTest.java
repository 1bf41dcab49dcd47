package io.tinynets.base.ui.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.depth.DepthSuggestions;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentSuggestions;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.training.RunState;
import io.tinynets.training.lab.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each lab's "Try it" buttons, pressed as a student would: the form then holds exactly the suggestion's step applied
 * to what it held (the fields the suggestion does not name unchanged), Play is pressed where the text says so, and a
 * suggestion that would change a control an assignment locked is disabled with the lock's reason.
 */
class TryThisButtonsTest extends KaribuTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabFrame<Object, ?, ?, ?> frame;

    @AfterEach
    void stop() {
        if (frame != null) {
            frame.training.discard();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DepthConfigJson.LAB, DescentConfigJson.LAB, SequenceConfigJson.LAB,
            AutoencoderConfigJson.LAB, PlaygroundConfigJson.LAB})
    void eachButtonSetsExactlyTheControlsItsSuggestionNames(String lab) throws Exception {
        open(lab);
        LabDefinition<Object, ?> definition = frame.definition;
        assertThat(definition.suggestions()).isNotEmpty();
        for (Suggestion<Object> s : definition.suggestions()) {
            if (!s.actionable()) {
                assertThat(frame.tryThis.button(s.key())).as(s.key() + " names no setting").isEmpty();
                continue;
            }
            // from a state the suggestion did not make: every field not named must survive the click
            frame.training.discard();
            Object before = frame.form.getValue();
            assertThat(before).as("a valid form before " + s.key()).isNotNull();
            Button button = frame.tryThis.button(s.key()).orElseThrow();
            assertThat(button.getText()).isEqualTo("Try it");
            assertThat(button.getElement().getAttribute("aria-label"))
                    .isEqualTo("Try it: " + frame.getTranslation(s.key()));
            button.click();

            Object after = frame.form.getValue();
            String expected = definition.codec().write(s.apply(before));
            assertThat(definition.codec().write(after)).as(s.key()).isEqualTo(expected);
            Set<String> changed = changedFields(definition.codec().write(before), definition.codec().write(after));
            assertThat(s.paths()).as(s.key() + " changed only what it names").containsAll(changed);
            // started: running, or already ended by itself (a learning rate of 10 diverges within a few epochs)
            RunState state = frame.training.run().map(r -> r.state()).orElse(RunState.READY);
            if (s.play()) {
                assertThat(state).as(s.key() + " presses Play").isIn(RunState.RUNNING, RunState.DIVERGED);
            } else {
                assertThat(state).as(s.key() + " does not press Play").isEqualTo(RunState.READY);
            }
        }
    }

    @Test
    void theOpeningSettingsAreThoseTheClaimsAreCheckedFrom() throws Exception {
        open(DepthConfigJson.LAB);
        assertThat(frame.form.getValue()).isEqualTo(DepthSuggestions.DEFAULTS);
        assertThat(frame.form.getSeed()).isEqualTo(DepthSuggestions.DEFAULT_SEED);
        frame.training.discard();
        open(DescentConfigJson.LAB);
        assertThat(DescentConfigJson.write((io.tinynets.lab.descent.DescentConfig) frame.form.getValue()))
                .isEqualTo(DescentConfigJson.write(DescentSuggestions.DEFAULTS));
        frame.training.discard();
        open(SequenceConfigJson.LAB);
        assertThat(frame.form.getValue()).isEqualTo(SequenceConfig.defaults());
        assertThat(frame.form.getSeed()).isEqualTo(io.tinynets.lab.sequence.SequenceSuggestions.DEFAULT_SEED);
        frame.training.discard();
        open(AutoencoderConfigJson.LAB);
        assertThat(AutoencoderConfigJson.write((AutoencoderConfig) frame.form.getValue()))
                .isEqualTo(AutoencoderConfigJson.write(AutoencoderConfig.defaults()));
        frame.training.discard();
        open(PlaygroundConfigJson.LAB);
        assertThat(((PlaygroundConfigJson.Saved) frame.form.getValue()).config()).isEqualTo(PlaygroundConfig.defaults());
        assertThat(frame.form.getSeed()).isEqualTo(io.tinynets.lab.playground.PlaygroundSuggestions.DEFAULT_SEED);
    }

    @Test
    void aSuggestionThatWouldChangeALockedControlIsDisabledWithTheLocksReason() throws Exception {
        open(DepthConfigJson.LAB);
        frame.lock(DepthConfigJson.LEARNING_RATE::equals, "Your teacher fixed the learning rate.");
        Button rate = frame.tryThis.button("depth.try.2").orElseThrow();
        Button other = frame.tryThis.button("depth.try.1").orElseThrow();
        assertThat(rate.isEnabled()).isFalse();
        assertThat(rate.getElement().getAttribute("title")).isEqualTo("Your teacher fixed the learning rate.");
        assertThat(other.isEnabled()).isTrue();
        Object before = frame.form.getValue();
        // a click that reaches the server anyway changes nothing
        frame.trySuggestion(frame.definition.suggestions().get(1));
        assertThat(frame.form.getValue()).isEqualTo(before);
        assertThat(frame.training.hasRun()).isFalse();
        // the lock lifted: the button works again
        frame.lock(p -> false, "");
        assertThat(rate.isEnabled()).isTrue();
        assertThat(rate.getElement().getAttribute("title")).isNull();
    }

    @SuppressWarnings("unchecked")
    private void open(String route) {
        UI.getCurrent().navigate(route);
        frame = _get(LabFrame.class);
    }

    /** The top-level fields whose values differ between two written configurations. */
    private static Set<String> changedFields(String beforeJson, String afterJson) throws Exception {
        JsonNode a = JSON.readTree(beforeJson);
        JsonNode b = JSON.readTree(afterJson);
        Set<String> names = new HashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        Set<String> changed = new HashSet<>();
        for (String n : names) {
            if (!java.util.Objects.equals(a.get(n), b.get(n))) {
                changed.add(n);
            }
        }
        return changed;
    }
}
