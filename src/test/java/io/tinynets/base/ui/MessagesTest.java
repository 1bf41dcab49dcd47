package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndKoreanHaveTheSameKeysAndNoEmptyTexts() throws IOException {
        Properties en = load("messages_en.properties");
        Properties ko = load("messages_ko.properties");
        assertThat(ko.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
        ko.forEach((k, v) -> assertThat(v.toString()).as("ko " + k).isNotBlank());
    }

    @Test
    void placeholdersMatchBetweenLanguages() throws IOException {
        Properties en = load("messages_en.properties");
        Properties ko = load("messages_ko.properties");
        Pattern placeholder = Pattern.compile("\\{\\d+[^}]*}");
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(placeholder, ko.getProperty(key))).as(key)
                    .isEqualTo(placeholders(placeholder, en.getProperty(key)));
        }
    }

    @Test
    void textsWithArgumentsWriteApostrophesTwice() throws IOException {
        // MessageFormat reads a lone ' as the start of a quote and would swallow the {0} after it
        Pattern lone = Pattern.compile("(^|[^'])'([^']|$)");
        for (Properties bundle : new Properties[] {load("messages_en.properties"), load("messages_ko.properties")}) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(lone.matcher(text).find()).as(key + ": " + text).isFalse();
                }
            }
        }
    }

    @Test
    void koreanTextsAreKorean() throws IOException {
        Properties ko = load("messages_ko.properties");
        long withHangul = ko.values().stream().map(Object::toString)
                .filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
                .count();
        // names such as "ReLU" or "x" stay the same; everything else is written in Korean
        assertThat(withHangul).isGreaterThan(ko.size() * 8L / 10);
    }

    private static java.util.Set<String> placeholders(Pattern p, String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("[^0-9]", "").substring(0, 1));
        }
        return found;
    }
}
