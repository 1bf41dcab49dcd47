package io.tinynets.classroom;

import io.tinynets.PostgresSchema;
import io.tinynets.PostgresTwin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AssignmentServiceTest} on PostgreSQL: the classroom's SQL must run on the database of a multi-instance school. */
@PostgresTwin
class AssignmentServicePostgresTest extends AssignmentServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
