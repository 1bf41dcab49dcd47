package io.tinynets.experiment;

import io.tinynets.PostgresSchema;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same service tests on PostgreSQL, the database of schools that outgrow one server: proves the migrations and
 * every query are portable. Each run migrates a fresh schema of its own ({@link PostgresSchema}).
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+")
class ExperimentServicePostgresTest extends ExperimentServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
