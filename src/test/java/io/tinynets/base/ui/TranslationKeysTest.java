package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key written literally in the code ({@code getTranslation("lab.title")}, {@code @Menu(title =
 * "nav.x")}) exists in the bundles, so no user ever sees a "!key" marker. Keys built at run time are covered by the
 * views' own tests.
 */
class TranslationKeysTest {

    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation\\(|translate\\(|title = )\"([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"");

    @Test
    void everyLiteralKeyInTheCodeHasATranslation() throws IOException {
        Properties en = new Properties();
        try (var in = getClass().getResourceAsStream("/messages_en.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).isEmpty();
    }
}
