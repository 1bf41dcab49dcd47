package io.tinynets.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumePointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void epochsAreReadBackAndAbsentMeansZero() throws Exception {
        ObjectNode root = MAPPER.createObjectNode();
        assertThat(ResumePoint.epochs(root)).isZero();
        ResumePoint.put(root, 120);
        assertThat(ResumePoint.epochs(MAPPER.readTree(root.toString()))).isEqualTo(120);
    }

    @Test
    void aBadEpochCountIsRefusedWithItsRange() throws Exception {
        for (String bad : new String[]{"-1", "1.5", "\"ten\"", "1000001"}) {
            assertThatThrownBy(() -> ResumePoint.epochs(MAPPER.readTree("{\"epochs\":" + bad + "}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("saved weights' epochs must be a whole number in 0..1000000");
        }
        assertThatThrownBy(() -> ResumePoint.put(MAPPER.createObjectNode(), -2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunTooLongToRedrawIsNotFastForwarded() {
        assertThat(ResumePoint.epochsToFastForward(500, 1_000)).isEqualTo(500);
        assertThat(ResumePoint.epochsToFastForward(100_000, 1_000)).isEqualTo(100_000);
        assertThat(ResumePoint.epochsToFastForward(100_001, 1_000)).isZero();
        assertThat(ResumePoint.epochsToFastForward(0, 1_000)).isZero();
        assertThat(ResumePoint.epochsToFastForward(7, 0)).isEqualTo(7);
    }
}
