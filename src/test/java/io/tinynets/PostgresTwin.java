package io.tinynets;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.annotation.DirtiesContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Marks a test class that reruns inherited tests on PostgreSQL ({@link PostgresSchema}). With {@code CI=true} it never
 * skips: missing {@code TINYNETS_TEST_POSTGRES_*} variables or an unreachable server fail the class with a message
 * naming the variable or the server. On a developer machine without {@code TINYNETS_TEST_POSTGRES_URL} the class is
 * skipped loudly; once the URL is set, the server must answer. A twin's Spring context is closed after the class: its
 * schema is its own, so no other class could reuse it, and its pool would hold connections for the rest of the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresTwin.Check.class)
// a twin's context (its own schema) is never reused: close it, and its connections, once the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PostgresTwin {

    /** The condition and the early check behind {@link PostgresTwin}. */
    final class Check implements ExecutionCondition, BeforeAllCallback {

        /** The connection check's outcome, once per JVM: null = reachable. */
        private static volatile String unreachable;
        private static volatile boolean checked;
        private static volatile boolean skipAnnounced;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String url = System.getenv(PostgresSchema.URL_VARIABLE);
            if (!Ci.isOn() && (url == null || url.isBlank())) {
                if (!skipAnnounced) {
                    skipAnnounced = true;
                    System.err.println("\n*** SKIPPING the *PostgresTest classes: " + PostgresSchema.URL_VARIABLE
                            + " is not set (with CI=true this is a failure; .ci/run sets it). ***\n");
                }
                return ConditionEvaluationResult.disabled(PostgresSchema.URL_VARIABLE + " is not set");
            }
            return ConditionEvaluationResult.enabled("PostgreSQL is configured (or CI=true requires it)");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            PostgresSchema.requireVariables();
            String problem = reachability();
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        }

        private static synchronized String reachability() {
            if (!checked) {
                String url = System.getenv(PostgresSchema.URL_VARIABLE);
                String user = System.getenv(PostgresSchema.USER_VARIABLE);
                DriverManager.setLoginTimeout(10);
                try (Connection c = DriverManager.getConnection(url, user,
                        System.getenv(PostgresSchema.PASSWORD_VARIABLE))) {
                    c.isValid(10);
                    unreachable = null;
                } catch (SQLException e) {
                    unreachable = "the PostgreSQL server at " + url + " (" + PostgresSchema.URL_VARIABLE + ") does not"
                            + " accept user " + user + ": " + e.getMessage()
                            + (Ci.isOn() ? " (CI=true: the PostgreSQL tests may not skip)" : "")
                            + ". Start it (service postgresql start) or fix the TINYNETS_TEST_POSTGRES_* variables.";
                }
                checked = true;
            }
            return unreachable;
        }
    }
}
