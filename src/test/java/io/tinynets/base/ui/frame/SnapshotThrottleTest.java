package io.tinynets.base.ui.frame;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The one pacing of live updates, on a logical clock: due times, forcing, and the measured rate. */
class SnapshotThrottleTest {

    private long now = 1_000_000_000L;

    private SnapshotThrottle throttle(double bytesPerSecond, long minIntervalMillis) {
        return new SnapshotThrottle(bytesPerSecond, minIntervalMillis, () -> now);
    }

    private void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }

    @Test
    void aSendWaitsItsBytesOverTheRate() {
        SnapshotThrottle t = throttle(10_000, 0);
        assertThat(t.trySend(5_000)).as("the first send is due at once").isTrue();
        advanceMillis(499);
        assertThat(t.due()).isFalse();
        assertThat(t.trySend(5_000)).isFalse();
        advanceMillis(1);
        assertThat(t.trySend(1_000)).isTrue();
        advanceMillis(99);
        assertThat(t.due()).isFalse();
        advanceMillis(1);
        assertThat(t.due()).isTrue();
        assertThat(t.totalBytes()).isEqualTo(6_000);
        assertThat(t.sends()).isEqualTo(2);
    }

    @Test
    void smallSendsWaitAtLeastTheMinimumInterval() {
        SnapshotThrottle t = throttle(1_000_000, 250);
        t.sent(10);
        advanceMillis(249);
        assertThat(t.due()).isFalse();
        advanceMillis(1);
        assertThat(t.due()).isTrue();
    }

    @Test
    void forceMakesTheNextSendDueOnce() {
        SnapshotThrottle t = throttle(1_000, 0);
        t.sent(1_000);
        assertThat(t.due()).isFalse();
        t.force();
        assertThat(t.trySend(1_000)).isTrue();
        assertThat(t.due()).as("forcing lasts one send").isFalse();
    }

    @Test
    void aNewRateAppliesFromTheNextSend() {
        SnapshotThrottle t = throttle(1_000, 0);
        t.setBytesPerSecond(4_000);
        t.sent(1_000);
        advanceMillis(250);
        assertThat(t.due()).isTrue();
        assertThatThrownBy(() -> t.setBytesPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuredRateCountsTheWindowOverAtLeastOneSecond() {
        SnapshotThrottle t = throttle(1_000_000, 0);
        assertThat(t.measuredBytesPerSecond(5_000)).isZero();
        t.sent(3_000);
        assertThat(t.measuredBytesPerSecond(5_000)).as("a first burst over one second").isEqualTo(3_000.0);
        for (int i = 0; i < 4; i++) {
            advanceMillis(1_000);
            t.sent(1_000);
        }
        // 7000 bytes since the oldest send 4 s ago
        assertThat(t.measuredBytesPerSecond(5_000)).isCloseTo(1_750.0, within(1e-9));
        advanceMillis(1_500);
        // the first send (5.5 s ago) has left the window: 4000 bytes over the 4.5 s since the oldest one left
        assertThat(t.measuredBytesPerSecond(5_000)).isCloseTo(4_000 / 4.5, within(1e-9));
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> throttle(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
