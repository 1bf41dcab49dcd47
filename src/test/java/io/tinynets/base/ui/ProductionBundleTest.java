package io.tinynets.base.ui;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed production bundle loads, with each page, the web components the page declares it uses. A production
 * build reuses {@code src/main/bundles/prod.bundle} as long as the set of frontend imports is unchanged, and Vaadin
 * does not notice when a route starts using a component only in a dialog: the page then opens without the
 * component defined (the dashboard's projected picture stayed blank). Views declare such components with
 * {@link Uses}; this test fails until the bundle is rebuilt ({@code mvn -Pproduction package} after deleting
 * {@code prod.bundle}) and committed.
 */
class ProductionBundleTest {

    private static final Path BUNDLE = Path.of("src/main/bundles/prod.bundle");
    private static final Pattern LAZY_ROUTE = Pattern.compile(
            "\"([0-9a-f]{64})\"&&\\w+\\.push\\(\\w+\\(\\(\\)=>import\\(\"\\./([^\"]+)\"\\),__vite__mapDeps\\(\\[([0-9,]*)\\]\\)");
    private static final Pattern DEPENDENCY_FILES = Pattern.compile("m\\.f=\\[([^\\]]*)\\]");

    @Test
    void everyComponentAPageDeclaresItUsesComesWithThatPagesChunk() throws Exception {
        Map<String, String> files = buildFiles();
        String main = files.values().stream().filter(js -> js.contains("loadOnDemand=")).findFirst().orElseThrow(
                () -> new AssertionError("no loadOnDemand in " + BUNDLE));
        Matcher names = DEPENDENCY_FILES.matcher(main);
        assertThat(names.find()).as("the chunk list of the bundle").isTrue();
        List<String> dependencyFiles = new ArrayList<>();
        for (String f : names.group(1).split(",")) {
            dependencyFiles.add(f.replace("\"", "").replace("./", ""));
        }
        Map<String, List<String>> lazyRoutes = new LinkedHashMap<>();
        Matcher m = LAZY_ROUTE.matcher(main);
        while (m.find()) {
            List<String> chunk = new ArrayList<>(List.of(m.group(2)));
            for (String i : m.group(3).split(",")) {
                if (!i.isEmpty()) {
                    chunk.add(dependencyFiles.get(Integer.parseInt(i)));
                }
            }
            lazyRoutes.put(m.group(1), chunk);
        }
        assertThat(lazyRoutes).as("routes loaded on demand").isNotEmpty();

        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("io.tinynets").scan()) {
            for (Class<?> route : scan.getClassesWithAnnotation(Route.class).loadClasses()) {
                for (Uses uses : route.getAnnotationsByType(Uses.class)) {
                    Tag tag = uses.value().getAnnotation(Tag.class);
                    if (tag == null || !tag.value().startsWith("tn-")) {
                        continue;
                    }
                    checked++;
                    List<String> chunk = lazyRoutes.get(sha256(route.getName()));
                    // a route outside the on-demand map gets everything with the first page; the chunk that holds
                    // the on-demand map is itself loaded with the first page, so what it defines every page has
                    boolean loaded = main.contains("\"" + tag.value() + "\"") || (chunk == null
                            ? files.values().stream().anyMatch(js -> js.contains("\"" + tag.value() + "\""))
                            : chunk.stream().map(files::get).anyMatch(js -> js != null
                            && js.contains("\"" + tag.value() + "\"")));
                    if (!loaded) {
                        missing.add(route.getSimpleName() + " → <" + tag.value() + ">");
                    }
                }
            }
        }
        assertThat(checked).as("pages declaring components").isPositive();
        assertThat(missing).as("components missing from their page's chunk in " + BUNDLE
                + ": rebuild it with mvn -Pproduction package after deleting it, and commit it").isEmpty();
    }

    /** The bundle's JavaScript files by name. */
    private static Map<String, String> buildFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(BUNDLE.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.startsWith("webapp/VAADIN/build/") && name.endsWith(".js")) {
                    files.put(name.substring(name.lastIndexOf('/') + 1),
                            new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
