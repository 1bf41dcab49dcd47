package io.tinynets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class FlywayMigrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsCreateTheExperimentTable() {
        Integer applied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'",
                Integer.class);
        assertThat(applied).isEqualTo(1);
        jdbc.update("INSERT INTO experiment (owner, lab, name, config_json, seed, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", "local", "playground", "spiral", "{\"v\":1}", 42L,
                OffsetDateTime.now(), OffsetDateTime.now());
        assertThat(jdbc.queryForObject("SELECT seed FROM experiment WHERE name = 'spiral'", Long.class))
                .isEqualTo(42L);
        jdbc.update("DELETE FROM experiment");
    }
}
