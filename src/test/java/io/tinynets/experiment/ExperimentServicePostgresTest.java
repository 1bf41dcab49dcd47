package io.tinynets.experiment;

import io.tinynets.PostgresSchema;
import io.tinynets.PostgresTwin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same service tests on PostgreSQL, the database of schools that outgrow one server: proves the migrations and
 * every query are portable. Each run migrates a fresh schema of its own ({@link PostgresSchema}).
 */
@PostgresTwin
class ExperimentServicePostgresTest extends ExperimentServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
