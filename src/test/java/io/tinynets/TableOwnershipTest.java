package io.tinynets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature writes only its own tables: the SQL that inserts, updates or deletes rows of the experiment tables lives
 * in the experiment package, and every other feature goes through its services. Read from the sources, so a new
 * statement anywhere else fails here with its file and line.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/io/tinynets");
    /** A write to experiment, experiment_tag or experiment_curve (experiment_share is the classroom's gallery). */
    private static final Pattern EXPERIMENT_WRITE = Pattern.compile(
            "(?i)(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+experiment(_tag|_curve)?\\b(?!_)");

    @Test
    void onlyTheExperimentFeatureWritesTheExperimentTables() throws IOException {
        assertThat(writes(SOURCES.resolve("experiment"))).as("the check finds the experiment feature's own writes")
                .isNotEmpty();
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(SOURCES.resolve("experiment"))).toList()) {
                elsewhere.addAll(writes(f));
            }
        }
        assertThat(elsewhere).isEmpty();
    }

    private static List<String> writes(Path fileOrFolder) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fileOrFolder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPERIMENT_WRITE.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(f + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        return found;
    }
}
