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
    void theDefaultsSuitAClassAndKeepHalfTheServerForAccounts() {
        TrainingLimits limits = TrainingLimits.defaults();
        assertThat(limits.maxRunsGlobal()).isEqualTo(240);
        assertThat(limits.maxRunningGlobal()).isEqualTo(120);
        assertThat(limits.maxRunsAnonymous()).isEqualTo(120);
        assertThat(limits.maxRunningAnonymous()).isEqualTo(60);
        assertThat(limits.anonymousRunsPerAddress()).isEqualTo(12);
        assertThat(limits.anonymousSessionsPerAddress()).isEqualTo(6);
    }

    @Test
    void propertiesOverrideTheDefaults() {
        TrainingLimits limits = bind(Map.of("tinynets.training.max-running-per-user", "5",
                "tinynets.training.idle-timeout", "2m",
                "tinynets.training.max-runs-global", "100",
                "tinynets.training.anonymous-share", "30",
                "tinynets.training.anonymous-runs-per-address", "40",
                "tinynets.training.anonymous-sessions-per-address", "20"));
        assertThat(limits.maxRunningPerUser()).isEqualTo(5);
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(limits.maxRunsGlobal()).isEqualTo(100);
        assertThat(limits.maxRunsAnonymous()).isEqualTo(30);
        assertThat(limits.maxRunningAnonymous()).isEqualTo(36);
        assertThat(limits.anonymousRunsPerAddress()).isEqualTo(40);
        assertThat(limits.anonymousSessionsPerAddress()).isEqualTo(20);
    }

    @Test
    void nonsenseLimitsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> TrainingLimits.defaults().withRunning(0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-running-global");
        assertThatThrownBy(() -> TrainingLimits.defaults().withRuns(0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-runs-global");
        assertThatThrownBy(() -> bind(Map.of("tinynets.training.anonymous-share", "101")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("anonymous-share");
        assertThatThrownBy(() -> TrainingLimits.defaults().withAnonymous(50, 0, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anonymous-runs-per-address");
    }
}
