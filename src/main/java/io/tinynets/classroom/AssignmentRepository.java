package io.tinynets.classroom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** SQL for assignments and submissions. */
@Repository
class AssignmentRepository {

    private static final String SUBMISSIONS = "SELECT s.id, s.assignment_id, s.experiment_id, e.name, s.student, "
            + "COALESCE(u.display_name, s.student) AS student_name, s.goal_met, s.metric_value, s.feedback, "
            + "s.submitted_at, s.goal_verified FROM submission s JOIN experiment e ON e.id = s.experiment_id "
            + "LEFT JOIN app_user u ON u.username = s.student ";
    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long classId, String title, String instructions, String lab, String config, int version, long seed,
                List<String> unlocked, Goal goal, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO assignment (class_id, title, instructions, lab, config_json, config_version, seed, "
                        + "unlocked, goal_metric, goal_below, goal_value, goal_limit_path, goal_limit_max, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(classId, title, instructions, lab, config, version, seed, String.join("\n", unlocked),
                        goal == null ? null : goal.metric(), goal == null ? null : goal.below(),
                        goal == null ? null : goal.value(),
                        goal == null ? null : goal.limit().map(Limit::path).orElse(null),
                        goal == null ? null : goal.limit().map(Limit::max).orElse(null), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Assignment> find(long id) {
        return jdbc.sql("SELECT * FROM assignment WHERE id = ?").param(id).query(AssignmentRepository::assignment)
                .optional();
    }

    List<Assignment> ofClass(long classId) {
        return jdbc.sql("SELECT * FROM assignment WHERE class_id = ? ORDER BY created_at DESC, id DESC")
                .param(classId).query(AssignmentRepository::assignment).list();
    }

    long insertSubmission(long assignmentId, long experimentId, String student, Boolean met, Double value,
                          boolean verified, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO submission (assignment_id, experiment_id, student, goal_met, metric_value, "
                        + "goal_verified, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(assignmentId, experimentId, student, met, value, verified, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean submitted(long assignmentId, long experimentId) {
        return jdbc.sql("SELECT COUNT(*) FROM submission WHERE assignment_id = ? AND experiment_id = ?")
                .params(assignmentId, experimentId).query(Long.class).single() > 0;
    }

    Optional<Submission> submission(long id) {
        return jdbc.sql(SUBMISSIONS + "WHERE s.id = ? AND e.deleted_at IS NULL").param(id)
                .query(AssignmentRepository::submission).optional();
    }

    List<Submission> submissions(long assignmentId) {
        return jdbc.sql(SUBMISSIONS + "WHERE s.assignment_id = ? AND e.deleted_at IS NULL "
                        + "ORDER BY student_name, s.submitted_at")
                .param(assignmentId).query(AssignmentRepository::submission).list();
    }

    List<Submission> submissionsOf(long assignmentId, String student) {
        return jdbc.sql(SUBMISSIONS + "WHERE s.assignment_id = ? AND s.student = ? AND e.deleted_at IS NULL "
                        + "ORDER BY s.submitted_at")
                .params(assignmentId, student).query(AssignmentRepository::submission).list();
    }

    void feedback(long submissionId, String text) {
        jdbc.sql("UPDATE submission SET feedback = ? WHERE id = ?").params(text, submissionId).update();
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        String metric = rs.getString("goal_metric");
        Optional<Goal> goal = metric == null ? Optional.empty()
                : Optional.of(new Goal(metric, rs.getBoolean("goal_below"), rs.getDouble("goal_value"),
                        rs.getString("goal_limit_path") == null ? Optional.empty()
                                : Optional.of(new Limit(rs.getString("goal_limit_path"),
                                        rs.getDouble("goal_limit_max")))));
        String unlocked = rs.getString("unlocked");
        return new Assignment(rs.getLong("id"), rs.getLong("class_id"), rs.getString("title"),
                rs.getString("instructions"), rs.getString("lab"), rs.getString("config_json"),
                rs.getInt("config_version"),
                rs.getObject("seed") == null ? OptionalLong.empty() : OptionalLong.of(rs.getLong("seed")),
                unlocked.isEmpty() ? List.of() : Arrays.asList(unlocked.split("\n")), goal,
                rs.getTimestamp("created_at").toInstant());
    }

    private static Submission submission(ResultSet rs, int row) throws SQLException {
        Object met = rs.getObject("goal_met");
        Object value = rs.getObject("metric_value");
        return new Submission(rs.getLong("id"), rs.getLong("assignment_id"), rs.getLong("experiment_id"),
                rs.getString("name"), rs.getString("student"), rs.getString("student_name"),
                met == null ? null : rs.getBoolean("goal_met"), value == null ? null : rs.getDouble("metric_value"),
                rs.getString("feedback"), rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("goal_verified"));
    }
}
