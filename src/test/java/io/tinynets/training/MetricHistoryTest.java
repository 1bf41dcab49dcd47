package io.tinynets.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tinynets.training.MetricHistory.CHUNK;
import static io.tinynets.training.MetricHistory.EXACT_CHUNKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's history keeps every epoch, the latest exactly, in memory proportional to the epochs and to the metrics
 * the lab reports (bytes counted from the chunks held, not measured from the heap).
 */
class MetricHistoryTest {

    private static double loss(int epoch) {
        return 1.0 / epoch + 1e-12 * epoch; // not a float: shows where values are kept exactly
    }

    @Test
    void aHundredThousandEpochsKeepEveryEpochInUnderOneAndAHalfMegabytes() {
        MetricHistory h = new MetricHistory();
        int n = 100_000;
        for (int i = 1; i <= n; i++) {
            h.add(EpochMetrics.of(loss(i), 2 * loss(i), i / (double) n));
        }
        assertThat(h.size()).isEqualTo(n);
        int chunks = (n + CHUNK - 1) / CHUNK; // 98
        long expected = 3L * (EXACT_CHUNKS * 8L * CHUNK + (chunks - EXACT_CHUNKS) * 4L * CHUNK);
        assertThat(h.bytesHeld()).isEqualTo(expected).isLessThan(1_350_000);
        List<MetricPoint> all = h.slice(0, n);
        assertThat(all).hasSize(n);
        // the latest epochs exactly as measured, older ones to float precision
        MetricPoint last = all.get(n - 1);
        assertThat(last.epoch()).isEqualTo(n);
        assertThat(last.trainLoss()).isEqualTo(loss(n));
        assertThat(last.testLoss().getAsDouble()).isEqualTo(2 * loss(n));
        assertThat(last.accuracy().getAsDouble()).isEqualTo(1.0);
        int recent = n - EXACT_CHUNKS * CHUNK + CHUNK; // inside the oldest exact chunk
        assertThat(all.get(recent - 1).trainLoss()).isEqualTo(loss(recent));
        MetricPoint old = all.get(4_999);
        assertThat(old.epoch()).isEqualTo(5_000);
        assertThat(old.trainLoss()).isEqualTo((double) (float) loss(5_000));
        assertThat(old.accuracy().getAsDouble()).isEqualTo((double) (float) 0.05);
    }

    @Test
    void aShortRunIsKeptExactly() {
        MetricHistory h = new MetricHistory();
        int n = EXACT_CHUNKS * CHUNK;
        for (int i = 1; i <= n; i++) {
            h.add(EpochMetrics.of(loss(i)));
        }
        assertThat(h.slice(0, n)).allMatch(p -> p.trainLoss() == loss((int) p.epoch()));
    }

    @Test
    void absentMetricsHoldNothing() {
        MetricHistory h = new MetricHistory();
        for (int i = 1; i <= 10_000; i++) {
            h.add(EpochMetrics.of(1.0 / i));
        }
        // train loss only: 10 chunks, the oldest 2 as floats
        assertThat(h.bytesHeld()).isEqualTo(8L * 8 * CHUNK + 2L * 4 * CHUNK);
        MetricPoint last = h.slice(9_999, 10_000).get(0);
        assertThat(last.testLoss()).isEmpty();
        assertThat(last.accuracy()).isEmpty();
    }

    @Test
    void aMetricThatAppearsLateIsAbsentBeforeAndPresentAfter() {
        MetricHistory h = new MetricHistory();
        for (int i = 1; i <= 3_000; i++) {
            h.add(i < 2_500 ? EpochMetrics.of(1.0) : EpochMetrics.of(1.0, 0.5, 0.9));
        }
        assertThat(h.slice(2_000, 2_001).get(0).testLoss()).isEmpty();
        assertThat(h.slice(2_499, 2_500).get(0).testLoss().getAsDouble()).isEqualTo(0.5);
        // train loss in 3 chunks, test loss and accuracy in the last one only
        assertThat(h.bytesHeld()).isEqualTo(5L * 8 * CHUNK);
    }

    @Test
    void clearForgetsTheOldHistory() {
        MetricHistory h = new MetricHistory();
        for (int i = 1; i <= 12_000; i++) {
            h.add(EpochMetrics.of(1.0, 0.5, 0.9));
        }
        h.clear();
        h.add(EpochMetrics.of(2.0));
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.bytesHeld()).isEqualTo(8L * CHUNK);
        assertThat(h.slice(0, 1).get(0).testLoss()).isEmpty();
        assertThat(h.slice(0, 1).get(0).trainLoss()).isEqualTo(2.0);
    }
}
