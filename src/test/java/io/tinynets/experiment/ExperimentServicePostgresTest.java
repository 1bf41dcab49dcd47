package io.tinynets.experiment;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * The same service tests on PostgreSQL, the database of schools that outgrow one server: proves the migrations and
 * every query are portable. Runs when {@code TINYNETS_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}) names
 * a server; {@code .ci/run} starts Debian's PostgreSQL and sets them. Each run migrates a fresh schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "TINYNETS_TEST_POSTGRES_URL", matches = ".+")
class ExperimentServicePostgresTest extends ExperimentServiceTest {

    private static final String SCHEMA = "test_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("TINYNETS_TEST_POSTGRES_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getenv("TINYNETS_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("TINYNETS_TEST_POSTGRES_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }
}
