package io.tinynets.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TrainingLimitsTest {

    private static TrainingLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("tinynets.training", TrainingLimits.class);
    }

    @Test
    void springDefaultsMatchTheDefaultsForPlainJava() {
        assertThat(bind(Map.of())).isEqualTo(TrainingLimits.defaults());
    }

    @Test
    void propertiesOverrideTheDefaults() {
        TrainingLimits limits = bind(Map.of("tinynets.training.max-running-per-user", "5",
                "tinynets.training.idle-timeout", "2m"));
        assertThat(limits.maxRunningPerUser()).isEqualTo(5);
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void nonsenseLimitsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> TrainingLimits.defaults().withRunning(0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRunningGlobal");
    }
}
