package io.tinynets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's own rules, so a test added later cannot bring skipping back: no test class or method disables itself
 * (by annotation or an environment condition), and every *PostgresTest class is a {@link PostgresTwin}, which fails
 * under {@code CI=true} instead of skipping. The browser tests' rule lives in {@code Browser.start()}.
 */
class NoSkippingTestsTest {

    private static final List<String> SKIPPING = List.of("org.junit.jupiter.api.Disabled",
            "org.junit.jupiter.api.condition.");

    private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(NoSkippingTestsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, NoSkippingTestsTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load test class " + name, e);
                }
            }
        }
        return classes;
    }

    private static boolean skips(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            String type = a.annotationType().getName();
            if (SKIPPING.stream().anyMatch(type::startsWith)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noTestDisablesItself() throws Exception {
        List<String> skipping = new ArrayList<>();
        List<Class<?>> classes = testClasses();
        assertThat(classes).as("test classes found").hasSizeGreaterThan(100);
        for (Class<?> c : classes) {
            if (skips(c)) {
                skipping.add(c.getName());
            }
            Method[] methods;
            try {
                methods = c.getDeclaredMethods();
            } catch (LinkageError e) {
                continue; // a benchmark's optional dependency; it declares no tests
            }
            for (Method m : methods) {
                if (skips(m)) {
                    skipping.add(c.getName() + "." + m.getName());
                }
            }
        }
        assertThat(skipping).as("tests that can skip themselves").isEmpty();
    }

    @Test
    void everyPostgresTestIsATwinThatFailsInsteadOfSkippingUnderCi() throws Exception {
        List<Class<?>> postgres = testClasses().stream().filter(c -> c.getName().endsWith("PostgresTest")).toList();
        assertThat(postgres).as("the *PostgresTest classes").hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(c -> assertThat(c.isAnnotationPresent(PostgresTwin.class))
                        .as(c.getName() + " is a @PostgresTwin").isTrue());
    }
}
