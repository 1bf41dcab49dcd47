package io.tinynets;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Points a Spring test at a fresh schema of the PostgreSQL named by {@code TINYNETS_TEST_POSTGRES_URL} (with
 * {@code _USER}, {@code _PASSWORD}); {@code .ci/run} starts Debian's PostgreSQL and sets them. The *PostgresTest
 * classes ({@link PostgresTwin}) rerun service tests there to prove the migrations and queries portable.
 */
public final class PostgresSchema {

    public static final String URL_VARIABLE = "TINYNETS_TEST_POSTGRES_URL";
    public static final String USER_VARIABLE = "TINYNETS_TEST_POSTGRES_USER";
    public static final String PASSWORD_VARIABLE = "TINYNETS_TEST_POSTGRES_PASSWORD";

    private PostgresSchema() {
    }

    /** Registers the datasource and Flyway schema properties for one new schema. */
    public static void register(DynamicPropertyRegistry registry) {
        requireVariables();
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv(URL_VARIABLE);
        registry.add("spring.datasource.url", () -> withSchema(url, schema));
        registry.add("spring.datasource.username", () -> System.getenv(USER_VARIABLE));
        registry.add("spring.datasource.password", () -> System.getenv(PASSWORD_VARIABLE));
        registry.add("spring.flyway.schemas", () -> schema);
        // Each twin has a context of its own (its own schema): a default pool of 10 per context would hold 100
        // connections for ten twins, PostgreSQL's default limit, and fail the build on a server others use too.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    /** {@code url} with {@code currentSchema} set, so every unqualified name resolves in {@code schema}. */
    public static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The variables among the three that are not set (empty when all are). */
    public static List<String> missingVariables() {
        List<String> missing = new ArrayList<>();
        for (String variable : List.of(URL_VARIABLE, USER_VARIABLE, PASSWORD_VARIABLE)) {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        }
        return missing;
    }

    /** Fails, naming them, when any of the three variables is missing. */
    public static void requireVariables() {
        List<String> missing = missingVariables();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join(", ", missing) + (missing.size() > 1 ? " are" : " is")
                    + " not set, so the PostgreSQL tests cannot run"
                    + (Ci.isOn() ? " (CI=true: they may not skip)" : "")
                    + ". Set " + URL_VARIABLE + "=jdbc:postgresql://localhost/tinynets, " + USER_VARIABLE + " and "
                    + PASSWORD_VARIABLE + " (.ci/run starts Debian's PostgreSQL and sets them).");
        }
    }
}
