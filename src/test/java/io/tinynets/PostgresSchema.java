package io.tinynets;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * Points a Spring test at a fresh schema of the PostgreSQL named by {@code TINYNETS_TEST_POSTGRES_URL} (with
 * {@code _USER}, {@code _PASSWORD}); {@code .ci/run} starts Debian's PostgreSQL and sets them. The *PostgresTest
 * classes rerun service tests there to prove the migrations and queries portable.
 */
public final class PostgresSchema {

    public static final String URL_VARIABLE = "TINYNETS_TEST_POSTGRES_URL";

    private PostgresSchema() {
    }

    /** Registers the datasource and Flyway schema properties for one new schema. */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv(URL_VARIABLE);
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> System.getenv("TINYNETS_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("TINYNETS_TEST_POSTGRES_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> schema);
        // Every *PostgresTest has its own cached context and pool. Hikari's default (10 connections, all kept open)
        // times eleven classes is ~100, PostgreSQL's whole max_connections: one test run alone reached 91, and a
        // second build on the machine made the later classes fail with "remaining connection slots are reserved".
        // Four connections is more than any of these tests uses at once (two threads at most).
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
    }
}
