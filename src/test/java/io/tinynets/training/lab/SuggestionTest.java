package io.tinynets.training.lab;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestionTest {

    private record Config(int depth, double rate) {
    }

    private static final Suggestion<Config> DEEPER = Suggestion.of("x.try.1", c -> new Config(10, c.rate()), "depth");

    @Test
    void aStepChangesTheConfigurationItNames() {
        assertThat(DEEPER.apply(new Config(3, 0.1))).isEqualTo(new Config(10, 0.1));
        assertThat(DEEPER.paths()).containsExactly("depth");
        assertThat(DEEPER.play()).isFalse();
        assertThat(DEEPER.andPlay().play()).isTrue();
        assertThat(DEEPER.andPlay().apply(new Config(3, 0.5))).isEqualTo(new Config(10, 0.5));
    }

    @Test
    void aStepNamesAtLeastOneSettingAndOnlyALookHasNoButton() {
        assertThatThrownBy(() -> Suggestion.<Config>of("x.try.2", c -> c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.try.2");
        Suggestion<Config> look = Suggestion.look("x.try.3");
        assertThat(look.actionable()).isFalse();
        assertThat(look.apply(new Config(2, 1))).isEqualTo(new Config(2, 1));
        assertThat(DEEPER.actionable()).isTrue();
        assertThat(Suggestion.<Config>look("x.try.4").andPlay().actionable()).isTrue();
    }

    @Test
    void aLockOnANamedSettingOrOnTheSeedItSetsForbidsTheStep() {
        assertThat(DEEPER.lockedBy("depth"::equals)).isTrue();
        assertThat(DEEPER.lockedBy("rate"::equals)).isFalse();
        assertThat(DEEPER.lockedBy(Suggestion.SEED_PATH::equals)).isFalse();
        Suggestion<Config> seeded = DEEPER.seeded(7);
        assertThat(seeded.seed()).hasValue(7);
        assertThat(seeded.lockedBy(Set.of(Suggestion.SEED_PATH)::contains)).isTrue();
        assertThat(Suggestion.<Config>look("x.try.5").lockedBy(p -> true)).isFalse();
    }
}
