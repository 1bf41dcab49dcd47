package io.tinynets;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * {@link FlywayMigrationTest} on PostgreSQL: each upgrade in a fresh schema of the server named by
 * {@code TINYNETS_TEST_POSTGRES_URL}, dropped afterwards.
 */
@PostgresTwin
class FlywayMigrationPostgresTest extends FlywayMigrationTest {

    @Override
    protected Database freshDatabase() {
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv(PostgresSchema.URL_VARIABLE);
        String user = System.getenv(PostgresSchema.USER_VARIABLE);
        String password = System.getenv(PostgresSchema.PASSWORD_VARIABLE);
        DataSource inSchema = new DriverManagerDataSource(PostgresSchema.withSchema(url, schema), user, password);
        // the fills and checks share one connection: a PostgreSQL login per statement would dominate the test's time
        SingleConnectionDataSource oneConnection = new SingleConnectionDataSource(
                PostgresSchema.withSchema(url, schema), user, password, true);
        return new Database() {
            @Override
            public DataSource dataSource() {
                return inSchema;
            }

            @Override
            public JdbcTemplate jdbc() {
                return new JdbcTemplate(oneConnection);
            }

            @Override
            public FluentConfiguration flyway() {
                return Database.super.flyway().schemas(schema);
            }

            @Override
            public void close() {
                oneConnection.destroy();
                new JdbcTemplate(new DriverManagerDataSource(url, user, password))
                        .execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        };
    }
}
