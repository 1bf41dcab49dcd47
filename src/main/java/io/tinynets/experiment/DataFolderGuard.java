package io.tinynets.experiment;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Guards the embedded H2 database before anything (Flyway first) uses it:
 * <ul>
 *   <li>one writer per data folder: H2's file lock refuses a second process; this turns that refusal into a start-up
 *   failure that names the folder ({@link DataFolderInUseException}) instead of a driver error deep in Flyway;</li>
 *   <li>a commit reaches the database file before {@code save} returns ({@code SET WRITE_DELAY 0}; H2's default
 *   delays the write by up to half a second), so a server killed right after a save keeps it.</li>
 * </ul>
 * Other databases (PostgreSQL) are left alone.
 */
@Component
class DataFolderGuard implements BeanPostProcessor {

    /** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Environment environment;

    DataFolderGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            String url = environment.getProperty("spring.datasource.url", "");
            if (url.startsWith("jdbc:h2:file:")) {
                check(dataSource);
            }
        }
        return bean;
    }

    private void check(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException | RuntimeException e) {
            if (lockedByAnotherProcess(e)) {
                Path folder = Path.of(environment.getProperty("tinynets.data-dir", ".")).toAbsolutePath().normalize();
                throw new DataFolderInUseException(folder, e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot open the database: " + e.getMessage(), e);
        }
    }

    static boolean lockedByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }
}
