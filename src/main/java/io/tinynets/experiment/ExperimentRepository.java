package io.tinynets.experiment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Experiments in SQL through {@link JdbcClient}: plain, portable statements (H2 and PostgreSQL), no ORM. Knows
 * nothing of owners' rights: {@link ExperimentService} checks them and holds the transactions.
 */
@Repository
class ExperimentRepository {

    /** The columns of a row, without the curves (they live in experiment_curve). */
    record Row(long id, String owner, String lab, String name, String notes, String configJson, int configVersion,
               long seed, String metricsJson, String weightsJson, String pictureJson, Instant createdAt,
               Instant updatedAt, Instant deletedAt, Provenance provenance) {
    }

    private static final String SUMMARY_COLUMNS = "id, owner, lab, name, notes, config_version, seed, "
            + "final_metrics_json, created_at, updated_at, deleted_at, provenance";

    /** At most this many ids in one IN list. */
    private static final int LISTING_SLICE = 500;

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String owner, ExperimentDraft d, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO experiment (owner, lab, name, notes, config_json, config_version, seed, "
                        + "final_metrics_json, weights_json, picture_json, provenance, created_at, updated_at) "
                        + "VALUES (:owner, :lab, :name, :notes, :config, :version, :seed, :metrics, :weights, "
                        + ":picture, :provenance, :now, :now)")
                .param("owner", owner).param("lab", d.lab()).param("name", d.name()).param("notes", d.notes())
                .param("config", d.configJson()).param("version", d.configVersion()).param("seed", d.seed())
                .param("metrics", ExperimentJson.metrics(d.finalMetrics())).param("weights", d.weightsJson())
                .param("picture", ExperimentJson.picture(d.picture())).param("provenance", d.provenance().key())
                .param("now", time(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        insertTags(id, d.tags());
        int index = 0;
        for (Curve c : d.curves()) {
            jdbc.sql("INSERT INTO experiment_curve (experiment_id, series_index, name, recorded_points, points_json) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(id, index++, c.name(), c.recordedPoints(), ExperimentJson.curvePoints(c)).update();
        }
        return id;
    }

    private void insertTags(long id, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("INSERT INTO experiment_tag (experiment_id, tag) VALUES (?, ?)").params(id, tag).update();
        }
    }

    /** The row including soft-deleted ones (the service decides what a deleted row means). */
    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", config_json, weights_json, picture_json FROM experiment "
                        + "WHERE id = ?")
                .param(id).query((rs, n) -> row(rs, true)).optional();
    }

    List<Curve> curves(long id) {
        return jdbc.sql("SELECT name, recorded_points, points_json FROM experiment_curve WHERE experiment_id = ? "
                        + "ORDER BY series_index")
                .param(id)
                .query((rs, n) -> ExperimentJson.curve(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    List<String> tags(long id) {
        return jdbc.sql("SELECT tag FROM experiment_tag WHERE experiment_id = ? ORDER BY tag").param(id)
                .query(String.class).list();
    }

    /** The owner's live experiments matching the filter, newest first, at most {@code limit}. */
    List<Row> list(String owner, ExperimentFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS
                + " FROM experiment e WHERE owner = :owner AND deleted_at IS NULL");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        if (ExperimentFilter.given(filter.lab())) {
            sql.append(" AND lab = :lab");
            params.put("lab", filter.lab());
        }
        if (ExperimentFilter.given(filter.tag())) {
            sql.append(" AND EXISTS (SELECT 1 FROM experiment_tag t WHERE t.experiment_id = e.id AND t.tag = :tag)");
            params.put("tag", filter.tag().strip());
        }
        if (ExperimentFilter.given(filter.text())) {
            sql.append(" AND (LOWER(name) LIKE :text ESCAPE '\\' OR LOWER(notes) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, false)).list();
    }

    /** Tags of many experiments in one query. */
    Map<Long, List<String>> tags(List<Long> ids) {
        Map<Long, List<String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT experiment_id, tag FROM experiment_tag WHERE experiment_id IN (:ids) ORDER BY tag")
                .param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** The live ones among these experiments, asked in slices so no statement carries too many parameters. */
    List<ExperimentOwners.Listing> listings(Collection<Long> ids) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        List<ExperimentOwners.Listing> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LISTING_SLICE) {
            out.addAll(jdbc.sql("SELECT id, owner, lab, name FROM experiment "
                            + "WHERE id IN (:ids) AND deleted_at IS NULL")
                    .param("ids", all.subList(from, Math.min(all.size(), from + LISTING_SLICE)))
                    .query((rs, n) -> new ExperimentOwners.Listing(rs.getLong("id"), rs.getString("owner"),
                            rs.getString("lab"), rs.getString("name")))
                    .list());
        }
        return out;
    }

    /** The owner of a live experiment, without loading its row (a permission check needs nothing else). */
    Optional<String> liveOwner(long id) {
        return jdbc.sql("SELECT owner FROM experiment WHERE id = ? AND deleted_at IS NULL").param(id)
                .query(String.class).optional();
    }

    int countLive(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM experiment WHERE owner = ? AND deleted_at IS NULL").param(owner)
                .query(Long.class).single().intValue();
    }

    /** Every experiment of the owner, deleted ones included; tags and curves first (no cascade is relied on). */
    void deleteAllOf(String owner) {
        String owned = "SELECT id FROM experiment WHERE owner = ?";
        jdbc.sql("DELETE FROM experiment_tag WHERE experiment_id IN (" + owned + ")").param(owner).update();
        jdbc.sql("DELETE FROM experiment_curve WHERE experiment_id IN (" + owned + ")").param(owner).update();
        jdbc.sql("DELETE FROM experiment WHERE owner = ?").param(owner).update();
    }

    List<String> labs(String owner) {
        return jdbc.sql("SELECT DISTINCT lab FROM experiment WHERE owner = ? AND deleted_at IS NULL ORDER BY lab")
                .param(owner).query(String.class).list();
    }

    List<String> allTags(String owner) {
        return jdbc.sql("SELECT DISTINCT t.tag FROM experiment_tag t JOIN experiment e ON e.id = t.experiment_id "
                        + "WHERE e.owner = ? AND e.deleted_at IS NULL ORDER BY t.tag")
                .param(owner).query(String.class).list();
    }

    void rename(long id, String name, Instant now) {
        jdbc.sql("UPDATE experiment SET name = ?, updated_at = ? WHERE id = ?").params(name, time(now), id).update();
    }

    void updateNotes(long id, String notes, Instant now) {
        jdbc.sql("UPDATE experiment SET notes = ?, updated_at = ? WHERE id = ?").params(notes, time(now), id)
                .update();
    }

    void replaceTags(long id, List<String> tags, Instant now) {
        jdbc.sql("DELETE FROM experiment_tag WHERE experiment_id = ?").param(id).update();
        insertTags(id, tags);
        jdbc.sql("UPDATE experiment SET updated_at = ? WHERE id = ?").params(time(now), id).update();
    }

    void markDeleted(long id, Instant now) {
        jdbc.sql("UPDATE experiment SET deleted_at = ? WHERE id = ?").params(time(now), id).update();
    }

    void restore(long id) {
        jdbc.sql("UPDATE experiment SET deleted_at = NULL WHERE id = ?").param(id).update();
    }

    /** Removes for good what was deleted before the cutoff; tags and curves go with it (ON DELETE CASCADE). */
    int purgeDeletedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM experiment WHERE deleted_at IS NOT NULL AND deleted_at < ?")
                .param(time(cutoff)).update();
    }

    private static Row row(ResultSet rs, boolean full) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("owner"), rs.getString("lab"), rs.getString("name"),
                rs.getString("notes"), full ? rs.getString("config_json") : null, rs.getInt("config_version"),
                rs.getLong("seed"), rs.getString("final_metrics_json"), full ? rs.getString("weights_json") : null,
                full ? rs.getString("picture_json") : null, instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "deleted_at"), Provenance.fromKey(rs.getString("provenance")).orElse(Provenance.UNKNOWN));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
