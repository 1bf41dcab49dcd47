package io.tinynets.classroom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that removes memberships, classes and accounts, and counts what a removal would take with it (for the
 * confirmation dialogs). Rows are deleted child first, in the order the foreign keys need, rather than relying on
 * ON DELETE CASCADE: the order is then visible here, the same on H2 and PostgreSQL, and a table added later without a
 * cascade fails loudly instead of keeping orphans. The services run each removal in one transaction. Only the
 * classroom's own tables are written here: an account's experiments go through
 * {@link io.tinynets.experiment.ExperimentOwners}, between {@link #deleteAccountsWork} and {@link #deleteAccount}.
 */
@Repository
class RemovalRepository {

    /** The ids of the experiments a username owns (soft-deleted ones included: they go too). */
    private static final String OWNED = "SELECT id FROM experiment WHERE owner = ?";
    private static final String CLASS_ASSIGNMENTS = "SELECT id FROM assignment WHERE class_id = ?";

    private final JdbcClient jdbc;

    RemovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What deleting a class takes with it. */
    ClassContents classContents(long classId) {
        return new ClassContents(
                count("SELECT COUNT(*) FROM class_member WHERE class_id = ?", classId),
                count("SELECT COUNT(*) FROM assignment WHERE class_id = ?", classId),
                count("SELECT COUNT(*) FROM submission WHERE assignment_id IN (" + CLASS_ASSIGNMENTS + ")", classId),
                count("SELECT COUNT(*) FROM experiment_share WHERE class_id = ?", classId));
    }

    /** What removing one student from a class takes with it: their submissions and shares in that class. */
    MembershipContents membershipContents(long classId, String student) {
        return new MembershipContents(
                count("SELECT COUNT(*) FROM submission WHERE student = ? AND assignment_id IN ("
                        + CLASS_ASSIGNMENTS + ")", student, classId),
                count("SELECT COUNT(*) FROM experiment_share WHERE class_id = ? AND experiment_id IN (" + OWNED + ")",
                        classId, student));
    }

    /** Classes the account teaches (an account that teaches any cannot be deleted). */
    int classesTaught(long userId) {
        return count("SELECT COUNT(*) FROM school_class WHERE teacher_id = ?", userId);
    }

    /** What deleting an account takes with it; its experiments and running trainings are counted by the caller. */
    AccountContents accountContents(Account a, int experiments, int runningTrainings) {
        return new AccountContents(a, classesTaught(a.id()),
                count("SELECT COUNT(*) FROM class_member WHERE user_id = ?", a.id()),
                experiments,
                count("SELECT COUNT(*) FROM submission WHERE student = ? OR experiment_id IN (" + OWNED + ")",
                        a.username(), a.username()),
                count("SELECT COUNT(*) FROM experiment_share WHERE experiment_id IN (" + OWNED + ")", a.username()),
                runningTrainings);
    }

    /** Removes the student from the class with their submissions to its assignments and their shares with it. */
    void removeMember(long classId, long userId, String username) {
        jdbc.sql("DELETE FROM submission WHERE student = ? AND assignment_id IN (" + CLASS_ASSIGNMENTS + ")")
                .params(username, classId).update();
        jdbc.sql("DELETE FROM experiment_share WHERE class_id = ? AND experiment_id IN (" + OWNED + ")")
                .params(classId, username).update();
        jdbc.sql("DELETE FROM class_member WHERE class_id = ? AND user_id = ?").params(classId, userId).update();
    }

    /** Deletes the class with its assignments, their submissions, its gallery shares and its memberships. */
    void deleteClass(long classId) {
        jdbc.sql("DELETE FROM submission WHERE assignment_id IN (" + CLASS_ASSIGNMENTS + ")").param(classId).update();
        jdbc.sql("DELETE FROM assignment WHERE class_id = ?").param(classId).update();
        jdbc.sql("DELETE FROM experiment_share WHERE class_id = ?").param(classId).update();
        jdbc.sql("DELETE FROM class_member WHERE class_id = ?").param(classId).update();
        jdbc.sql("DELETE FROM school_class WHERE id = ?").param(classId).update();
    }

    /**
     * The first step of deleting an account: the classroom rows that refer to its work, so its experiments can go
     * next: its own submissions, the submissions made of its experiments, and its experiments' gallery shares.
     */
    void deleteAccountsWork(String username) {
        jdbc.sql("DELETE FROM submission WHERE student = ? OR experiment_id IN (" + OWNED + ")")
                .params(username, username).update();
        jdbc.sql("DELETE FROM experiment_share WHERE experiment_id IN (" + OWNED + ")").param(username).update();
    }

    /** The last step of deleting an account (its work and its experiments are gone): its memberships and itself. */
    void deleteAccount(long userId) {
        jdbc.sql("DELETE FROM class_member WHERE user_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM app_user WHERE id = ?").param(userId).update();
    }

    /** Gives the class to another teacher (or admin). */
    void handOver(long classId, long newTeacherId) {
        jdbc.sql("UPDATE school_class SET teacher_id = ? WHERE id = ?").params(newTeacherId, classId).update();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single().intValue();
    }
}
