package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An assignment's controls are config paths ("learningRate", "customData.train"): this names them in the user's
 * language from {@code config.field.<segment>} keys, so teachers and students read "Learning rate" / "학습률", and
 * falls back to the words of the path ("noiseLevel" → "noise level") for a field without a translation.
 */
final class ControlNames {

    private ControlNames() {
    }

    static String label(Component c, String path) {
        return java.util.Arrays.stream(path.split("\\.")).map(segment -> segment(c, segment))
                .collect(Collectors.joining(" › "));
    }

    static String labels(Component c, List<String> paths) {
        return paths.stream().map(p -> label(c, p)).collect(Collectors.joining(", "));
    }

    private static String segment(Component c, String segment) {
        String key = "config.field." + segment;
        String text = c.getTranslation(key);
        if (!text.equals(key) && !text.startsWith("!")) {
            return text;
        }
        return segment.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
