package io.tinynets.classroom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for classes and their members. */
@Repository
class ClassRepository {

    private static final String SELECT = "SELECT c.id, c.name, c.teacher_id, t.display_name AS teacher_name, "
            + "c.join_code, c.created_at, (SELECT COUNT(*) FROM class_member m WHERE m.class_id = c.id) AS members "
            + "FROM school_class c JOIN app_user t ON t.id = c.teacher_id ";
    private final JdbcClient jdbc;

    ClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, long teacherId, String code, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO school_class (name, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?)")
                .params(name, teacherId, code, Timestamp.from(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<SchoolClass> find(long id) {
        return jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(ClassRepository::schoolClass).optional();
    }

    Optional<SchoolClass> findByCode(String code) {
        return jdbc.sql(SELECT + "WHERE c.join_code = ?").param(code).query(ClassRepository::schoolClass).optional();
    }

    boolean codeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM school_class WHERE join_code = ?").param(code).query(Long.class)
                .single() > 0;
    }

    List<SchoolClass> ofTeacher(long teacherId) {
        return jdbc.sql(SELECT + "WHERE c.teacher_id = ? ORDER BY c.name").param(teacherId)
                .query(ClassRepository::schoolClass).list();
    }

    List<SchoolClass> ofMember(long userId) {
        return jdbc.sql(SELECT + "WHERE c.id IN (SELECT class_id FROM class_member WHERE user_id = ?) ORDER BY c.name")
                .param(userId).query(ClassRepository::schoolClass).list();
    }

    List<SchoolClass> all() {
        return jdbc.sql(SELECT + "ORDER BY c.name").query(ClassRepository::schoolClass).list();
    }

    void addMember(long classId, long userId, Instant now) {
        jdbc.sql("INSERT INTO class_member (class_id, user_id, joined_at) VALUES (?, ?, ?)")
                .params(classId, userId, Timestamp.from(now)).update();
    }

    boolean isMember(long classId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_member WHERE class_id = ? AND user_id = ?")
                .params(classId, userId).query(Long.class).single() > 0;
    }

    List<Account> members(long classId) {
        return jdbc.sql("SELECT u.id, u.username, u.display_name, u.role, u.must_change_password, u.created_at "
                        + "FROM app_user u JOIN class_member m ON m.user_id = u.id WHERE m.class_id = ? "
                        + "ORDER BY u.display_name, u.username")
                .param(classId).query(AccountRepository::account).list();
    }

    /** True when the teacher runs a class the student is a member of. */
    boolean teaches(long teacherId, long studentId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_member m JOIN school_class c ON c.id = m.class_id "
                        + "WHERE c.teacher_id = ? AND m.user_id = ?")
                .params(teacherId, studentId).query(Long.class).single() > 0;
    }

    void updateCode(long classId, String code) {
        jdbc.sql("UPDATE school_class SET join_code = ? WHERE id = ?").params(code, classId).update();
    }

    static SchoolClass schoolClass(ResultSet rs, int row) throws SQLException {
        return new SchoolClass(rs.getLong("id"), rs.getString("name"), rs.getLong("teacher_id"),
                rs.getString("teacher_name"), rs.getString("join_code"), rs.getInt("members"),
                rs.getTimestamp("created_at").toInstant());
    }

    static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
