package io.tinynets.classroom;

import io.tinynets.PostgresSchema;
import io.tinynets.PostgresTwin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AccountHardeningTest} on PostgreSQL: the first-start key and the credentials version across instances. */
@PostgresTwin
class AccountHardeningPostgresTest extends AccountHardeningTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
