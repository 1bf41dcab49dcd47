package io.tinynets.experiment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing is lost: a server process killed (kill -9) right after a save returns keeps the experiment; a second server
 * on the same data folder refuses to start with a message naming the folder; a backup taken while the server runs
 * restores to a working database.
 */
class ExperimentDurabilityTest {

    @TempDir
    Path temp;
    private Process child;
    private final StringBuffer childOutput = new StringBuffer();

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void savedExperimentSurvivesKillNineAndASecondServerIsRefused() throws Exception {
        Path data = temp.resolve("data");
        long id = startChildAndAwaitSave(data);

        // the child still runs and holds the folder: a second server must refuse to start, naming it
        assertThatThrownBy(() -> ExperimentSaverMain.start(data.toString()).close())
                .hasStackTraceContaining("The data folder " + data.toAbsolutePath().normalize()
                        + " is already in use by another running Tiny Nets Lab server");

        child.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly close of the database
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Path backup = temp.resolve("backup").resolve("tinynets.zip");
        try (ConfigurableApplicationContext restarted = ExperimentSaverMain.start(data.toString())) {
            ExperimentService service = restarted.getBean(ExperimentService.class);
            Experiment e = service.get(ExperimentSaverMain.OWNER, id);
            assertThat(e.name()).isEqualTo("survives kill -9");
            assertThat(e.curves()).isEqualTo(ExperimentFixtures.draft("playground", "x").curves());
            assertThat(e.weightsJson()).isEqualTo(ExperimentFixtures.draft("playground", "x").weightsJson());

            // a backup while the server runs, then a change it must not contain
            assertThat(restarted.getBean(BackupService.class).backupTo(backup)).exists();
            service.rename(ExperimentSaverMain.OWNER, id, "renamed after the backup");
        }

        Path restored = temp.resolve("restored");
        org.h2.tools.Restore.execute(backup.toString(), restored.toString(), "tinynets");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored + "/tinynets", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT name, (SELECT COUNT(*) FROM experiment_curve WHERE experiment_id = e.id) "
                             + "FROM experiment e WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives kill -9");
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
    }

    private long startChildAndAwaitSave(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ExperimentSaverMain.class.getName(), data.toString());
        File log = temp.resolve("child.log").toFile();
        pb.redirectError(log);
        child = pb.start();
        CompletableFuture<Long> saved = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    childOutput.append(line).append('\n');
                    if (line.startsWith("SAVED ")) {
                        return Long.parseLong(line.substring(6).trim());
                    }
                }
                return null;
            } catch (Exception e) {
                return null;
            }
        });
        Long id = saved.get(90, TimeUnit.SECONDS);
        child.waitFor(200, TimeUnit.MILLISECONDS);
        assertThat(id).as("child saved (output: %s, errors: %s)", childOutput,
                Files.exists(log.toPath()) ? Files.readString(log.toPath()) : "").isNotNull();
        return id;
    }
}
