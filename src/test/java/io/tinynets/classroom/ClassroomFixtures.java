package io.tinynets.classroom;

import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** Test data for the classroom: clean tables, accounts with known passwords. */
public final class ClassroomFixtures {

    public static final String PASSWORD = "correct horse";

    private ClassroomFixtures() {
    }

    /** No accounts, no classes (tables that reference accounts first), a server never set up. */
    public static void clean(JdbcTemplate jdbc) {
        for (String table : new String[] {"class_member", "school_class", "app_user", "first_start"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Creates an account directly (no role check), password {@link #PASSWORD}. */
    public static Account account(AccountService accounts, String username, Role role) {
        return accounts.create(username, username, PASSWORD, role, false);
    }

    /**
     * The class most classroom tests start from: no other accounts or classes, teacher kim, kim's class "3-A", and
     * these students signed up with its join code (display name capitalised: "minji" is "Minji"; password "long
     * enough").
     */
    public static SchoolClass kimsClass(JdbcTemplate jdbc, AccountService accounts, ClassService classes,
            String... students) {
        clean(jdbc);
        account(accounts, "kim", Role.TEACHER);
        SchoolClass c = classes.create("kim", "3-A");
        for (String student : students) {
            String displayName = Character.toUpperCase(student.charAt(0)) + student.substring(1);
            classes.signUp(c.joinCode(), student, displayName, "long enough");
        }
        return c;
    }

    /** A small saved-experiment draft of the activation lab whose loss curve ends at {@code finalLoss}. */
    public static ExperimentDraft draft(String name, double finalLoss) {
        return new ExperimentDraft("activation", name, "notes of " + name, List.of(), "{\"lr\":0.1}", 1, 1,
                List.of(Curve.of("loss", new double[] {1, 2}, new double[] {0.5, finalLoss})),
                Map.of("loss", finalLoss), null, null);
    }

    /**
     * The same, of the playground with a real configuration: what an import or an assignment accepts (the labs'
     * rules check every configuration that enters from outside).
     */
    public static ExperimentDraft playgroundDraft(String name, double finalLoss) {
        return new ExperimentDraft("playground", name, "notes of " + name, List.of(),
                AssignmentServiceTest.playground("xor", 0.1, List.of(4)), 1, 1,
                List.of(Curve.of("loss", new double[] {1, 2}, new double[] {0.5, finalLoss})),
                Map.of("loss", finalLoss), null, null);
    }
}
