package io.tinynets.experiment;

import io.tinynets.training.TranslatableProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Consistent copies of the embedded database while the server runs (an admin action, no HTTP endpoint). H2's
 * {@code BACKUP TO} writes a zip of the database file; it is transactionally consistent without stopping writers
 * because H2's store is copy-on-write. A backup holds every user's data and password hashes, so every public method
 * checks here, in the database, that the acting user is an administrator, whatever the caller already checked.
 *
 * <p>Restore (server stopped): {@code java -cp h2-2.3.232.jar org.h2.tools.Restore -file <backup.zip> -dir
 * <data-dir> -db tinynets}, then start the server on that data folder. With PostgreSQL use {@code pg_dump}.
 */
@Service
public class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final String url;
    private final Path dataDir;
    private Clock clock = Clock.systemUTC();

    BackupService(JdbcClient jdbc, AccountDirectory accounts, @Value("${spring.datasource.url}") String url,
                  @Value("${tinynets.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.url = url;
        this.dataDir = Path.of(dataDir);
    }

    /** True when the database is H2 (embedded), the only kind this service can back up. */
    public boolean supported() {
        return url.startsWith("jdbc:h2:");
    }

    /** A new backup in {@code <data-dir>/backups/tinynets-<UTC time>.zip}: the admin's only. */
    public Path backupNow(String actor) {
        requireAdmin(actor);
        return backupTo(dataDir.resolve("backups").resolve("tinynets-" + STAMP.format(clock.instant()) + ".zip"));
    }

    /** Writes a consistent zip of the running database to {@code target} (which must not exist yet): the admin's only. */
    public Path backupTo(String actor, Path target) {
        requireAdmin(actor);
        return backupTo(target);
    }

    /** The copy itself, for the methods above and the durability test's restart (no user there). */
    Path backupTo(Path target) {
        if (!supported()) {
            throw new UnsupportedOperationException("backups of " + url.replaceAll("password=[^;&]*", "")
                    + " are made with the database's own tools (pg_dump for PostgreSQL)");
        }
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new IllegalArgumentException("backup target " + file + " already exists: choose a new file");
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
        return file;
    }

    private void requireAdmin(String actor) {
        if (actor == null || !accounts.isAdmin(actor)) {
            throw new AdminOnlyException();
        }
    }

    /** The acting user is not an administrator (or no longer exists). */
    public static final class AdminOnlyException extends RuntimeException implements TranslatableProblem {

        AdminOnlyException() {
            super(ExperimentMessages.english("experiments.backup.adminOnly"));
        }

        @Override
        public String messageKey() {
            return "experiments.backup.adminOnly";
        }

        @Override
        public Object[] messageArgs() {
            return new Object[0];
        }
    }
}
