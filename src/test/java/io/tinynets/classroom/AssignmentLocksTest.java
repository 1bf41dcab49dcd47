package io.tinynets.classroom;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lab controls an assignment locks: the same rule the submission check applies to config paths. */
class AssignmentLocksTest {

    private static Assignment unlocking(String... paths) {
        return new Assignment(1, 1, "t", "", "playground",
                "{\"learningRate\":0.1,\"optimizer\":{\"kind\":\"sgd\",\"lr\":0.1},\"hidden\":[4,2]}", 1, java.util.OptionalLong.of(7),
                List.of(paths), Optional.empty(), Instant.EPOCH);
    }

    @Test
    void aControlIsLockedUnlessEveryPathUnderItIsUnlocked() {
        Assignment a = unlocking("learningRate", "optimizer.lr", "hidden");
        assertThat(a.locks("learningRate")).isFalse();
        assertThat(a.locks("hidden")).isFalse();
        assertThat(a.locks("optimizer.lr")).isFalse();
        assertThat(a.locks("optimizer")).isTrue(); // optimizer.kind is still locked
        assertThat(a.locks("optimizer.kind")).isTrue();
    }

    @Test
    void aControlWhoseFieldTheConfigLacksIsLocked() {
        // adding the field (e.g. the student's own points) would differ from the assignment
        assertThat(unlocking("learningRate").locks("customData")).isTrue();
    }

    @Test
    void aNamePrefixIsNotAPath() {
        Assignment a = unlocking("learningRate");
        assertThat(a.locks("learning")).isTrue(); // no such field: locked, not confused with learningRate
        assertThat(a.locks("learningRate")).isFalse();
    }
}
