package io.tinynets;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades, as a school's server lives them: a database migrated to each earlier version (every one before the latest)
 * and filled there with representative rows (plain SQL, the columns of that version), is then migrated to the latest;
 * every row must still be there with its values, and the columns later versions added must hold their defaults. On
 * H2 here; {@link FlywayMigrationPostgresTest} does the same on PostgreSQL.
 *
 * <p>A new migration makes this test ask for the rows of the version before it ({@link #FILLS}): add them with the
 * migration, and, when it rewrites existing rows, what it must have made of them ({@link #REWRITES}).
 */
class FlywayMigrationTest {

    static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 2, 8, 30, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime UPDATED = OffsetDateTime.of(2026, 3, 2, 9, 15, 30, 0, ZoneOffset.UTC);
    static final OffsetDateTime DELETED = OffsetDateTime.of(2026, 3, 3, 10, 0, 0, 0, ZoneOffset.UTC);

    /** A database of its own for one upgrade, dropped afterwards. */
    protected interface Database extends AutoCloseable {
        DataSource dataSource();

        /** Plain SQL on this database. */
        default JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource());
        }

        /** Flyway configured for this database and the application's migrations. */
        default org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
            return Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration");
        }

        @Override
        default void close() {
        }
    }

    /** A fresh, empty database. */
    protected Database freshDatabase() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        return new Database() {
            @Override
            public DataSource dataSource() {
                return h2;
            }

            @Override
            public void close() {
                new JdbcTemplate(h2).execute("SHUTDOWN");
            }
        };
    }

    // ---- the rows each version brought, with the columns it had ----

    /** Per version: what a server at that version held (inserted with that version's columns). */
    static final Map<Integer, Consumer<JdbcTemplate>> FILLS = new LinkedHashMap<>();
    /** Per version: the checks of those rows after the upgrade to the latest version. */
    static final Map<Integer, Consumer<JdbcTemplate>> CHECKS = new LinkedHashMap<>();

    static {
        // V1: saved experiments with their config and seed only
        FILLS.put(1, jdbc -> {
            jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", "local", "playground", "v1 spiral", "{\"v\":1}", 42L, CREATED,
                    UPDATED);
            jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", "local", "descent", "v1 bowl", "{\"lr\":0.1}", -7L, CREATED,
                    CREATED);
        });
        CHECKS.put(1, jdbc -> {
            assertRow(jdbc, "SELECT * FROM experiment WHERE name = ?", "v1 spiral", "owner", "local", "lab",
                    "playground", "config_json", "{\"v\":1}", "seed", 42L, "created_at", CREATED, "updated_at",
                    UPDATED,
                    // V2's columns: their defaults
                    "notes", "", "config_version", 1, "final_metrics_json", null, "weights_json", null,
                    "picture_json", null, "deleted_at", null);
            assertRow(jdbc, "SELECT * FROM experiment WHERE name = ?", "v1 bowl", "lab", "descent", "seed", -7L);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM experiment_tag t JOIN experiment e ON e.id = t.experiment_id"
                    + " WHERE e.name LIKE 'v1 %'")).isZero();
        });

        // V2: notes, config version, final metrics, weights, picture, soft delete; tags and curves
        FILLS.put(2, jdbc -> {
            jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at, notes,"
                    + " config_version, final_metrics_json, weights_json, picture_json, deleted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "local", "sequence", "v2 recall",
                    "{\"task\":\"recall\"}", 9L, CREATED, UPDATED, "LSTM wins", 2, "{\"loss\":0.02}",
                    "{\"w\":[0.5,-0.25]}", "{\"cols\":2,\"rows\":1,\"min\":0,\"max\":1,\"values\":\"AP8=\"}", null);
            jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at, notes,"
                    + " deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "local", "activation", "v2 deleted", "{}", 1L,
                    CREATED, UPDATED, "", DELETED);
            long id = id(jdbc, "experiment", "name", "v2 recall");
            jdbc.update("INSERT INTO experiment_tag (experiment_id, tag) VALUES (?, ?)", id, "lstm");
            jdbc.update("INSERT INTO experiment_tag (experiment_id, tag) VALUES (?, ?)", id, "recall");
            jdbc.update("INSERT INTO experiment_curve (experiment_id, series_index, name, recorded_points,"
                    + " points_json) VALUES (?, ?, ?, ?, ?)", id, 0, "train loss", 3, "[[1,0.5],[2,0.3],[3,0.2]]");
        });
        CHECKS.put(2, jdbc -> {
            assertRow(jdbc, "SELECT * FROM experiment WHERE name = ?", "v2 recall", "notes", "LSTM wins",
                    "config_version", 2, "final_metrics_json", "{\"loss\":0.02}", "weights_json",
                    "{\"w\":[0.5,-0.25]}", "picture_json",
                    "{\"cols\":2,\"rows\":1,\"min\":0,\"max\":1,\"values\":\"AP8=\"}", "deleted_at", null);
            assertRow(jdbc, "SELECT * FROM experiment WHERE name = ?", "v2 deleted", "deleted_at", DELETED);
            long id = id(jdbc, "experiment", "name", "v2 recall");
            assertThat(jdbc.queryForList("SELECT tag FROM experiment_tag WHERE experiment_id = ? ORDER BY tag",
                    String.class, id)).containsExactly("lstm", "recall");
            assertRow(jdbc, "SELECT * FROM experiment_curve WHERE experiment_id = ?", id, "series_index", 0, "name",
                    "train loss", "recorded_points", 3, "points_json", "[[1,0.5],[2,0.3],[3,0.2]]");
        });

        // V3: accounts, classes, memberships
        FILLS.put(3, jdbc -> {
            jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", "admin", "Admin", "$2a$10$adminhash", "ADMIN", CREATED);
            jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", "kim", "Ms Kim", "$2a$10$kimhash", "TEACHER", CREATED);
            jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role, must_change_password,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?)", "minji", "김민지", "$2a$10$minjihash", "STUDENT", true,
                    UPDATED);
            jdbc.update("INSERT INTO school_class (name, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?)",
                    "3-A", id(jdbc, "app_user", "username", "kim"), "ABCD2345", CREATED);
            jdbc.update("INSERT INTO class_member (class_id, user_id, joined_at) VALUES (?, ?, ?)",
                    id(jdbc, "school_class", "join_code", "ABCD2345"), id(jdbc, "app_user", "username", "minji"),
                    UPDATED);
            jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", "minji", "playground", "v3 minji's xor", "{\"xor\":true}", 5L,
                    CREATED, UPDATED);
        });
        CHECKS.put(3, jdbc -> {
            assertRow(jdbc, "SELECT * FROM app_user WHERE username = ?", "admin", "display_name", "Admin",
                    "password_hash", "$2a$10$adminhash", "role", "ADMIN", "must_change_password", false, "created_at",
                    CREATED);
            assertRow(jdbc, "SELECT * FROM app_user WHERE username = ?", "minji", "display_name", "김민지", "role",
                    "STUDENT", "must_change_password", true);
            assertRow(jdbc, "SELECT c.name, u.username AS teacher FROM school_class c JOIN app_user u"
                    + " ON u.id = c.teacher_id WHERE c.join_code = ?", "ABCD2345", "name", "3-A", "teacher", "kim");
            assertRow(jdbc, "SELECT u.username, m.joined_at FROM class_member m JOIN app_user u ON u.id = m.user_id"
                    + " JOIN school_class c ON c.id = m.class_id WHERE c.join_code = ?", "ABCD2345", "username",
                    "minji", "joined_at", UPDATED);
            assertRow(jdbc, "SELECT * FROM experiment WHERE name = ?", "v3 minji's xor", "owner", "minji");
        });

        // V4: an experiment shared with a class's gallery
        FILLS.put(4, jdbc -> jdbc.update("INSERT INTO experiment_share (experiment_id, class_id, shared_at)"
                + " VALUES (?, ?, ?)", id(jdbc, "experiment", "name", "v3 minji's xor"),
                id(jdbc, "school_class", "join_code", "ABCD2345"), UPDATED));
        CHECKS.put(4, jdbc -> assertRow(jdbc, "SELECT e.name, s.shared_at FROM experiment_share s JOIN experiment e"
                + " ON e.id = s.experiment_id JOIN school_class c ON c.id = s.class_id WHERE c.join_code = ?",
                "ABCD2345", "name", "v3 minji's xor", "shared_at", UPDATED));

        // V5: assignments (with and without a goal) and a submission
        FILLS.put(5, jdbc -> {
            long classId = id(jdbc, "school_class", "join_code", "ABCD2345");
            jdbc.update("INSERT INTO assignment (class_id, title, instructions, lab, config_json, config_version,"
                    + " unlocked, goal_metric, goal_below, goal_value, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", classId, "v5 xor goal", "Reach a loss of 0.1.",
                    "playground", "{\"xor\":true}", 1, "optimizer.lr\nseed", "loss", true, 0.1, CREATED);
            jdbc.update("INSERT INTO assignment (class_id, title, instructions, lab, config_json, config_version,"
                    + " unlocked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", classId, "v5 free", "", "activation",
                    "{}", 1, "", CREATED);
            jdbc.update("INSERT INTO submission (assignment_id, experiment_id, student, goal_met, metric_value,"
                    + " submitted_at) VALUES (?, ?, ?, ?, ?, ?)", id(jdbc, "assignment", "title", "v5 xor goal"),
                    id(jdbc, "experiment", "name", "v3 minji's xor"), "minji", true, 0.05, UPDATED);
        });
        CHECKS.put(5, jdbc -> {
            assertRow(jdbc, "SELECT * FROM assignment WHERE title = ?", "v5 xor goal", "instructions",
                    "Reach a loss of 0.1.", "lab", "playground", "config_json", "{\"xor\":true}", "config_version", 1,
                    "unlocked", "optimizer.lr\nseed", "goal_metric", "loss", "goal_below", true, "goal_value", 0.1,
                    "created_at", CREATED,
                    // V6's and V8's columns: unknown for older assignments
                    "seed", null, "goal_limit_path", null, "goal_limit_max", null);
            assertRow(jdbc, "SELECT * FROM assignment WHERE title = ?", "v5 free", "goal_metric", null, "goal_below",
                    null, "goal_value", null, "seed", null);
            assertRow(jdbc, "SELECT s.*, a.title FROM submission s JOIN assignment a ON a.id = s.assignment_id"
                    + " JOIN experiment e ON e.id = s.experiment_id WHERE e.name = ?", "v3 minji's xor", "title",
                    "v5 xor goal", "student", "minji", "goal_met", true, "metric_value", 0.05, "feedback", "",
                    "submitted_at", UPDATED);
        });

        // V6: an assignment keeping its experiment's seed
        FILLS.put(6, jdbc -> jdbc.update("INSERT INTO assignment (class_id, title, instructions, lab, config_json,"
                + " config_version, unlocked, created_at, seed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id(jdbc, "school_class", "join_code", "ABCD2345"), "v6 seeded", "Same start.", "depth", "{}", 1, "",
                CREATED, 1234L));
        CHECKS.put(6, jdbc -> assertRow(jdbc, "SELECT * FROM assignment WHERE title = ?", "v6 seeded", "seed", 1234L,
                "goal_limit_path", null));

        // V7: what an instance was training when it was upgraded
        FILLS.put(7, jdbc -> jdbc.update("INSERT INTO live_run (run_id, instance_id, owner, lab, state, epoch,"
                + " train_loss, accuracy, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "run-v7", "instance-a",
                "minji", "depth", "RUNNING", 12L, 0.5, null, UPDATED));
        CHECKS.put(7, jdbc -> assertRow(jdbc, "SELECT * FROM live_run WHERE run_id = ?", "run-v7", "instance_id",
                "instance-a", "owner", "minji", "lab", "depth", "state", "RUNNING", "epoch", 12L, "train_loss", 0.5,
                "accuracy", null, "updated_at", UPDATED));

        // V8: a goal that caps a setting
        FILLS.put(8, jdbc -> jdbc.update("INSERT INTO assignment (class_id, title, instructions, lab, config_json,"
                + " config_version, unlocked, goal_metric, goal_below, goal_value, created_at, seed, goal_limit_path,"
                + " goal_limit_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id(jdbc, "school_class", "join_code", "ABCD2345"), "v8 small net", "At most 2 layers.", "playground",
                "{}", 1, "hidden", "loss", true, 0.2, CREATED, 77L, "hidden", 2.0));
        CHECKS.put(8, jdbc -> assertRow(jdbc, "SELECT * FROM assignment WHERE title = ?", "v8 small net",
                "goal_limit_path", "hidden", "goal_limit_max", 2.0, "seed", 77L));
    }

    /**
     * Per version that rewrites existing rows: what it must have made of a server's rows from before it, checked after
     * upgrading from each earlier version {@code at} (the second argument). Dormant until that migration exists.
     */
    static final Map<Integer, java.util.function.BiConsumer<JdbcTemplate, Integer>> REWRITES = new LinkedHashMap<>();

    static {
        // V9: where an experiment's figures came from, and whether a submission's goal check used them
        FILLS.put(9, jdbc -> {
            jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at,"
                    + " provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "minji", "playground", "v9 measured",
                    "{\"xor\":true}", 6L, CREATED, UPDATED, "measured");
            jdbc.update("INSERT INTO submission (assignment_id, experiment_id, student, goal_met, metric_value,"
                    + " submitted_at, goal_verified) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id(jdbc, "assignment", "title", "v5 xor goal"), id(jdbc, "experiment", "name", "v9 measured"),
                    "minji", true, 0.04, UPDATED, true);
        });
        CHECKS.put(9, jdbc -> {
            assertRow(jdbc, "SELECT * FROM experiment WHERE name = ?", "v9 measured", "provenance", "measured");
            assertRow(jdbc, "SELECT s.* FROM submission s JOIN experiment e ON e.id = s.experiment_id"
                    + " WHERE e.name = ?", "v9 measured", "goal_verified", true, "goal_met", true);
        });
        // nothing recorded where older experiments' figures came from: none of them is trusted
        REWRITES.put(9, (jdbc, at) -> {
            assertThat(count(jdbc, "SELECT COUNT(*) FROM experiment WHERE provenance <> 'unknown'")).isZero();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM submission WHERE goal_verified")).isZero();
        });
        // V10: a server that had an admin counts as set up; each experiment's stored size is summed once
        REWRITES.put(10, (jdbc, at) -> {
            assertThat(count(jdbc, "SELECT COUNT(*) FROM first_start")).as("first_start after V" + at)
                    .isEqualTo(at >= 3 ? 1 : 0);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM experiment e WHERE e.stored_bytes <> OCTET_LENGTH(e.name)"
                    + " + OCTET_LENGTH(e.notes) + OCTET_LENGTH(e.config_json)"
                    + " + COALESCE(OCTET_LENGTH(e.final_metrics_json), 0) + COALESCE(OCTET_LENGTH(e.weights_json), 0)"
                    + " + COALESCE(OCTET_LENGTH(e.picture_json), 0) + COALESCE((SELECT SUM(OCTET_LENGTH(c.points_json))"
                    + " FROM experiment_curve c WHERE c.experiment_id = e.id), 0)")).as("stored_bytes after V" + at)
                    .isZero();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM experiment WHERE stored_bytes > 0"))
                    .isEqualTo(count(jdbc, "SELECT COUNT(*) FROM experiment"));
        });
    }

    // ---- the upgrades ----

    /** The versions of the application's migrations, in order (a branch may land V10 before V9). */
    private static List<Integer> versions(Database db) {
        MigrationInfo[] all = db.flyway().load().info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).filter(v -> v != null)
                .map(v -> Integer.parseInt(v.getVersion())).sorted().toList();
    }

    @Test
    void everyEarlierVersionHasRepresentativeRows() throws Exception {
        try (Database db = freshDatabase()) {
            List<Integer> versions = versions(db);
            assertThat(versions).hasSizeGreaterThanOrEqualTo(8);
            for (int v : versions.subList(0, versions.size() - 1)) {
                assertThat(FILLS).as("rows a server at V" + v + " holds: add them to FlywayMigrationTest.FILLS")
                        .containsKey(v);
                assertThat(CHECKS).as("checks of V" + v + "'s rows after an upgrade").containsKey(v);
            }
        }
    }

    @Test
    void aDatabaseFilledAtEachEarlierVersionUpgradesWithItsRowsIntact() throws Exception {
        List<Integer> versions;
        try (Database db = freshDatabase()) {
            versions = versions(db);
        }
        int latest = versions.get(versions.size() - 1);
        List<String> upgraded = new ArrayList<>();
        for (int at : versions.subList(0, versions.size() - 1)) {
            List<Integer> before = versions.stream().filter(v -> v <= at).toList();
            List<Integer> after = versions.stream().filter(v -> v > at).toList();
            try (Database db = freshDatabase()) {
                JdbcTemplate jdbc = db.jdbc();
                db.flyway().target(MigrationVersion.fromVersion(String.valueOf(at))).load().migrate();
                for (int v : before) {
                    FILLS.get(v).accept(jdbc);
                }
                int applied = db.flyway().load().migrate().migrationsExecuted;
                assertThat(applied).as("migrations applied on top of V" + at).isEqualTo(after.size());
                assertThat(db.flyway().load().info().current().getVersion().getVersion())
                        .isEqualTo(String.valueOf(latest));
                for (int v : before) {
                    try {
                        CHECKS.get(v).accept(jdbc);
                    } catch (AssertionError e) {
                        throw new AssertionError("V" + v + "'s rows after filling at V" + at + " and upgrading to V"
                                + latest + ": " + e.getMessage(), e);
                    }
                }
                for (int v : after) {
                    if (REWRITES.containsKey(v)) {
                        try {
                            REWRITES.get(v).accept(jdbc, at);
                        } catch (AssertionError e) {
                            throw new AssertionError("what V" + v + " made of rows from V" + at + ": "
                                    + e.getMessage(), e);
                        }
                    }
                }
                // the upgraded database still takes new rows (identities continue past the old ones)
                jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", "local", "playground", "after upgrade", "{}", 1L, UPDATED,
                        UPDATED);
                assertThat(count(jdbc, "SELECT COUNT(DISTINCT id) FROM experiment"))
                        .isEqualTo(count(jdbc, "SELECT COUNT(*) FROM experiment"));
                upgraded.add("V" + at + "→V" + latest);
            }
        }
        assertThat(upgraded).hasSize(versions.size() - 1);
    }

    @Test
    void aFreshDatabaseMigratesToTheLatestVersionInOneGo() throws Exception {
        try (Database db = freshDatabase()) {
            int count = versions(db).size();
            assertThat(db.flyway().load().migrate().migrationsExecuted).isEqualTo(count);
            assertThat(count(db.jdbc(), "SELECT COUNT(*) FROM experiment")).isZero();
        }
    }

    // ---- helpers ----

    static long id(JdbcTemplate jdbc, String table, String column, Object value) {
        return jdbc.queryForObject("SELECT id FROM " + table + " WHERE " + column + " = ?", Long.class, value);
    }

    static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Asserts the one row {@code sql} finds for {@code key} has these column values (pairs: name, value). */
    static void assertRow(JdbcTemplate jdbc, String sql, Object key, Object... columnsAndValues) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql, key);
        assertThat(rows).as(sql + " [" + key + "]").hasSize(1);
        Map<String, Object> row = rows.get(0);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String column = (String) columnsAndValues[i];
            assertThat(row).as("columns of " + key).containsKey(column);
            assertThat(normalized(row.get(column))).as(key + "." + column)
                    .isEqualTo(normalized(columnsAndValues[i + 1]));
        }
    }

    /** One representation per value whichever driver read it: numbers as long or double, times as instants. */
    private static Object normalized(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double || value instanceof java.math.BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant) {
            return value;
        }
        return value;
    }
}
