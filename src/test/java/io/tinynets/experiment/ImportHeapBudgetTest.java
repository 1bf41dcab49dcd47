package io.tinynets.experiment;

import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.tinynets.data.CsvDatasetReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget for imports: a file at the import's 5 MB limit, built to cost as much memory as possible (short
 * numbers, long weights, full-precision curves), never raises the live heap by more than twice that limit, the file's
 * own bytes included. The live heap is sampled by full collections while the import runs; figures are printed.
 *
 * <p>Each file ends with one experiment of a lab this server does not have: every other experiment is read and checked
 * (the whole cost of an import), then the file is refused, so what is measured is the import's work, not the test
 * database holding the saved rows in the same heap. The same file without that last experiment imports.
 */
@SpringBootTest
class ImportHeapBudgetTest {

    private static final long BUDGET = 2L * ExperimentLimits.IMPORT_MAX_BYTES;

    @Autowired
    ExperimentService service;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Only accounts may save: the importing users exist. */
    @org.junit.jupiter.api.BeforeEach
    void accounts() {
        for (String user : new String[] {"heap-ok", "heap-shortNumbers", "heap-fullCurves", "heap-longWeights"}) {
            io.tinynets.TestAccounts.ensure(jdbc, user);
        }
    }

    @Test
    void aFileOfShortNumbersStaysWithinTwiceTheLimit() throws Exception {
        // refused for holding more curve numbers than the import keeps
        long growth = liveGrowthDuring(file(16, "0"), "shortNumbers", "experiments.import.tooManyValues");
        assertThat(growth).isLessThan(BUDGET);
    }

    @Test
    void aFileOfFullPrecisionCurvesStaysWithinTwiceTheLimit() throws Exception {
        String[] experiments = file(3, "0.6931471805599453");
        long growth = liveGrowthDuring(experiments, "fullCurves", "experiments.config.unknownLab");
        assertThat(growth).isLessThan(BUDGET);
        assertThat(service.importFile("heap-ok", withoutTheLast(experiments)).ok()).isTrue();
    }

    /**
     * Weights are most of this file: the import keeps them as bytes of the file and makes each one text only when its
     * experiment is saved, so they are not held twice (as text, a 2 MB string also fills whole heap regions: 12 MB, 2.4
     * times the limit, before). The saved weights are exactly the file's.
     */
    @Test
    void aFileOfLongWeightsStaysWithinTwiceTheLimit() throws Exception {
        String[] experiments = weightsFile();
        long growth = liveGrowthDuring(experiments, "longWeights", "experiments.config.unknownLab");
        assertThat(growth).isLessThan(BUDGET);
        ImportResult saved = service.importFile("heap-ok", withoutTheLast(experiments));
        assertThat(saved.ok()).isTrue();
        String weights = experiments[0].substring(experiments[0].indexOf("\"weights\":") + 10,
                experiments[0].length() - 1);
        for (long id : saved.savedIds()) {
            assertThat(service.get("heap-ok", id).weightsJson()).isEqualTo(weights);
        }
    }

    /**
     * The playground's CSV upload (1 MB) by the same measure: the most rows it reads (10 000), of numbers as long as
     * fit the file, read into points. Weights come in only inside an experiment file (above); the student list (64 K
     * characters, at most 200 names) stays far below its budget.
     */
    @Test
    void aPlaygroundCsvAtItsLimitStaysWithinTwiceTheLimit() throws Exception {
        StringBuilder b = new StringBuilder("x1,x2,label\n");
        String number = "0." + "1234567890".repeat(5).substring(2); // 50 characters: 10 000 rows fill the megabyte
        for (int row = 0; row < CsvDatasetReader.MAX_ROWS; row++) {
            b.append(number).append(',').append(number).append(',').append(row % 10).append('\n');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(bytes.length).isLessThanOrEqualTo(CsvDatasetReader.MAX_BYTES)
                .isGreaterThan(CsvDatasetReader.MAX_BYTES - 10_000);
        long least = Long.MAX_VALUE;
        // five samples, not three: the margin is a fraction of a megabyte, which other tests' runs could take
        for (int attempt = 0; attempt < 5; attempt++) {
            long baseline = liveHeap();
            AtomicReference<CsvDatasetReader.Result> result = new AtomicReference<>();
            AtomicLong peak = new AtomicLong(baseline);
            Thread reader = new Thread(() -> result.set(new CsvDatasetReader().read(new InputStreamReader(
                    new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))), "csv reader");
            reader.start();
            while (reader.isAlive()) {
                peak.accumulateAndGet(liveHeap(), Math::max);
                reader.join(20);
            }
            peak.accumulateAndGet(liveHeap(), Math::max); // the points, as the playground keeps them
            assertThat(result.get().points()).hasSize(CsvDatasetReader.MAX_ROWS);
            long growth = peak.get() - baseline + bytes.length;
            System.out.printf(Locale.ROOT, "playground CSV of %d rows: live heap %+.2f MB (budget %.1f MB)%n",
                    result.get().points().size(), growth / 1048576.0, 2.0 * CsvDatasetReader.MAX_BYTES / 1048576.0);
            least = Math.min(least, growth);
        }
        assertThat(least).isLessThan(2L * CsvDatasetReader.MAX_BYTES);
    }

    /**
     * The live heap the import of these experiments (and one of an unknown lab) adds at its largest, plus the file's
     * own bytes (which the upload holds); the import is refused with {@code refusal}. The heap is shared with whatever
     * else the test JVM runs (live runs of other test classes keep growing their histories), which can only add to a
     * sample: the least of three imports is the import's own cost.
     */
    private long liveGrowthDuring(String[] experiments, String what, String refusal) throws Exception {
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            least = Math.min(least, oneImportsGrowth(experiments, what, refusal));
        }
        return least;
    }

    private long oneImportsGrowth(String[] experiments, String what, String refusal) throws Exception {
        byte[] bytes = export(experiments, true); // made before the baseline: the test's cost, not the import's
        long baseline = liveHeap();
        AtomicReference<ImportResult> result = new AtomicReference<>();
        AtomicLong peak = new AtomicLong(baseline);
        Thread importer = new Thread(() -> result.set(service.importFile("heap-" + what, bytes)), "importer");
        importer.start();
        while (importer.isAlive()) {
            peak.accumulateAndGet(liveHeap(), Math::max);
            importer.join(50); // a sample every 50 ms at most, so the collections do not swamp the import
        }
        long growth = peak.get() - baseline + bytes.length;
        assertThat(result.get().problem().messageKey()).isEqualTo(refusal);
        System.out.printf(Locale.ROOT, "import of %s: %s, live heap %+.1f MB (budget %.1f MB)%n", what,
                result.get().ok() ? "saved " + result.get().savedIds().size() : result.get().problem().messageKey(),
                growth / 1048576.0, BUDGET / 1048576.0);
        return growth;
    }

    private static final String UNKNOWN_LAB = "{\"lab\":\"hopfield\",\"name\":\"last\",\"config\":{},"
            + "\"configVersion\":1,\"seed\":1}";

    /** An export file of these experiments, and one of a lab this server does not have when {@code refused}. */
    private static byte[] export(String[] experiments, boolean refused) {
        StringBuilder b = new StringBuilder("{\"format\":\"tinynets-experiments\",\"schemaVersion\":1,\"experiments\":[");
        b.append(String.join(",", experiments));
        if (refused) {
            b.append(',').append(UNKNOWN_LAB);
        }
        b.append("]}");
        assertThat(b.length()).isLessThanOrEqualTo(ExperimentLimits.IMPORT_MAX_BYTES);
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] withoutTheLast(String[] experiments) {
        return export(experiments, false);
    }

    /** As many experiments as fit in the file, each with {@code curves} curves of 2000 points written as {@code value}. */
    private static String[] file(int curves, String value) {
        String config = DescentConfigJson.write(DescentConfig.of(SurfaceKind.RAVINE, List.of(OptimizerKind.SGD), 0.1));
        StringBuilder points = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            points.append(i == 0 ? "" : ",").append(value);
        }
        points.append(']');
        StringBuilder one = new StringBuilder("{\"lab\":\"descent\",\"name\":\"n\",\"config\":").append(config)
                .append(",\"configVersion\":1,\"seed\":1,\"curves\":[");
        for (int c = 0; c < curves; c++) {
            one.append(c == 0 ? "" : ",").append("{\"name\":\"c").append(c).append("\",\"x\":").append(points)
                    .append(",\"y\":").append(points).append('}');
        }
        one.append("]}");
        return fill(one.toString());
    }

    /** As many experiments as fit in the file, each with weights of the most characters allowed. */
    private static String[] weightsFile() {
        String config = DescentConfigJson.write(DescentConfig.of(SurfaceKind.RAVINE, List.of(OptimizerKind.SGD), 0.1));
        StringBuilder weights = new StringBuilder("[");
        while (weights.length() < ExperimentLimits.WEIGHTS_MAX_CHARS - 8) {
            weights.append(weights.length() == 1 ? "" : ",").append('0');
        }
        weights.append(']');
        return fill("{\"lab\":\"descent\",\"name\":\"n\",\"config\":" + config + ",\"configVersion\":1,"
                + "\"seed\":1,\"weights\":" + weights + "}");
    }

    private static String[] fill(String one) {
        int room = ExperimentLimits.IMPORT_MAX_BYTES - 200 - UNKNOWN_LAB.length();
        int n = Math.min(ExperimentLimits.IMPORT_MAX_EXPERIMENTS - 1, room / (one.length() + 1));
        String[] out = new String[n];
        java.util.Arrays.fill(out, one);
        return out;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
