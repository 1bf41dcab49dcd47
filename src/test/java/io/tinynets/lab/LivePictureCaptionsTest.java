package io.tinynets.lab;

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
 * The labs' pictures return their caption keys rather than calling getTranslation, so {@code TranslationKeysTest}
 * does not see them: every caption key written in a lab exists in English and Korean.
 */
class LivePictureCaptionsTest {

    private static final Pattern CAPTION_KEY = Pattern.compile("\"(classroom\\.dashboard\\.picture\\.[a-zA-Z.]+)\"");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = LivePictureCaptionsTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyCaptionKeyOfALabPictureIsTranslated() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/tinynets/lab"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("Picture.java")).toList()) {
                Matcher m = CAPTION_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).contains("classroom.dashboard.picture.playground", "classroom.dashboard.picture.descent",
                "classroom.dashboard.picture.depth", "classroom.dashboard.picture.sequence.forget",
                "classroom.dashboard.picture.autoencoder");
        Properties en = bundle("/messages_en.properties");
        Properties ko = bundle("/messages_ko.properties");
        assertThat(keys.stream().filter(k -> !en.containsKey(k) || !ko.containsKey(k)).toList()).isEmpty();
    }
}
