package io.tinynets.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The production jar of the working tree, built as the README says ({@code mvn -Pproduction package}) from a copy of
 * the sources in the build folder, so the build under test (its target/ and its generated files) is left alone.
 * {@value #VARIABLE} names an already built jar instead (a developer running the test again).
 */
final class ProductionJar {

    static final String VARIABLE = "TINYNETS_TEST_PRODUCTION_JAR";

    private ProductionJar() {
    }

    static Path build(Path work) throws IOException, InterruptedException {
        String given = System.getenv(VARIABLE);
        if (given != null && !given.isBlank()) {
            Path jar = Path.of(given);
            if (!Files.isRegularFile(jar)) {
                throw new AssertionError(VARIABLE + "=" + given + " is not a file");
            }
            return jar;
        }
        Path copy = work.resolve("build");
        delete(copy);
        Files.createDirectories(copy.resolve("src"));
        Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));
        copyTree(Path.of("db"), copy.resolve("db"));
        copyTree(Path.of("frontend"), copy.resolve("frontend"));
        copyTree(Path.of("src", "main"), copy.resolve("src").resolve("main"));
        Path log = work.resolve("production-build.log");
        Process mvn = new ProcessBuilder(maven(), "-B", "-q", "-Pproduction", "-DskipTests", "package")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(15, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
            mvn.destroyForcibly();
            throw new AssertionError("mvn -Pproduction package failed, see " + log.toAbsolutePath() + ":\n"
                    + Files.readString(log));
        }
        try (Stream<Path> jars = Files.list(copy.resolve("target"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in " + copy.resolve("target")));
        }
    }

    /** Maven as the build that runs this test was started: MAVEN_HOME, maven.home, or mvn on the PATH. */
    private static String maven() {
        for (String home : new String[] {System.getenv("MAVEN_HOME"), System.getProperty("maven.home")}) {
            if (home != null && new File(home, "bin/mvn").canExecute()) {
                return new File(home, "bin/mvn").getPath();
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File mvn = new File(dir, "mvn");
            if (mvn.canExecute()) {
                return mvn.getPath();
            }
        }
        throw new AssertionError("mvn is not on the PATH: the topology test builds the production jar with it");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<String> generated = List.of("generated", "node_modules");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(p);
                if (relative.getNameCount() > 0 && generated.contains(relative.getName(0).toString())
                        || relative.startsWith("frontend")) {
                    continue; // Vaadin writes these again
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
