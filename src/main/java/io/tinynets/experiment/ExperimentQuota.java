package io.tinynets.experiment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Locale;

/**
 * How much one account may keep: at most {@code tinynets.experiments.max-per-user} experiments taking at most
 * {@code tinynets.experiments.max-bytes-per-user} in the database, so one student (or a script saving in a loop)
 * cannot fill the school server's disk. Experiments deleted within the undo window still count: they are still
 * stored, and could be brought back; they stop counting when they are purged, 30 seconds after deletion.
 *
 * <p>A save's rows are measured in SQL right after their insert, inside the same transaction (UTF-8 bytes of the
 * name, notes, configuration, final figures, weights, picture and curves, the same sum the migration computed for
 * older rows), and the owner's totals are then checked: over either limit, the caller's transaction rolls back whole.
 */
@Component
class ExperimentQuota {

    /** The stored size of one experiment row, in bytes. */
    static final String STORED_BYTES = "OCTET_LENGTH(name) + OCTET_LENGTH(notes) + OCTET_LENGTH(config_json) "
            + "+ COALESCE(OCTET_LENGTH(final_metrics_json), 0) + COALESCE(OCTET_LENGTH(weights_json), 0) "
            + "+ COALESCE(OCTET_LENGTH(picture_json), 0) + COALESCE((SELECT SUM(OCTET_LENGTH(c.points_json)) "
            + "FROM experiment_curve c WHERE c.experiment_id = experiment.id), 0)";

    private final JdbcClient jdbc;
    private final int maxCount;
    private final long maxBytes;

    ExperimentQuota(JdbcClient jdbc, @Value("${tinynets.experiments.max-per-user:300}") int maxCount,
                    @Value("${tinynets.experiments.max-bytes-per-user:100MB}") DataSize maxBytes) {
        if (maxCount < 1 || maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("tinynets.experiments.max-per-user and max-bytes-per-user must be "
                    + "positive (got " + maxCount + " and " + maxBytes + ")");
        }
        this.jdbc = jdbc;
        this.maxCount = maxCount;
        this.maxBytes = maxBytes.toBytes();
    }

    int maxCount() {
        return maxCount;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Measures the rows just inserted for {@code owner} and refuses, with a translatable message, when the owner now
     * keeps more than the quota allows. Runs inside the caller's transaction, which the refusal rolls back.
     */
    void enforce(String owner, List<Long> newIds) {
        for (long id : newIds) {
            jdbc.sql("UPDATE experiment SET stored_bytes = " + STORED_BYTES + " WHERE id = ?").param(id).update();
        }
        long[] totals = usage(owner);
        if (totals[0] > maxCount) {
            throw new ExperimentValidationException("experiments.quota.count", maxCount, totals[0]);
        }
        if (totals[1] > maxBytes) {
            throw new ExperimentValidationException("experiments.quota.bytes", size(maxBytes), size(totals[1]));
        }
    }

    /** What the owner keeps now: experiments (deleted ones in their undo window included) and bytes. */
    long[] usage(String owner) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(stored_bytes), 0) FROM experiment WHERE owner = ?")
                .param(owner).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** "100.0 MB", "12.5 KB": the same in both languages. */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0))
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
