package io.tinynets.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TrainingMessagesTest {

    /** key → "English | Korean", from the application's message bundles. */
    private static Map<String, String> messages() throws IOException {
        Map<String, String> texts = new HashMap<>();
        ResourceBundle en = ResourceBundle.getBundle("messages", Locale.ENGLISH);
        ResourceBundle ko = ResourceBundle.getBundle("messages", Locale.KOREAN);
        for (String key : en.keySet()) {
            if (key.startsWith("training.")) {
                texts.put(key, en.getString(key) + " | " + (ko.containsKey(key) ? ko.getString(key) : ""));
            }
        }
        return texts;
    }

    private static Set<String> keysUsedIn(Class<?> type) throws IllegalAccessException {
        Set<String> keys = new HashSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                String value = (String) f.get(null);
                if (value.startsWith("training.")) {
                    keys.add(value);
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheRuntimeUsesHasAnEnglishAndAKoreanText() throws Exception {
        Map<String, String> texts = messages();
        Set<String> used = new HashSet<>(keysUsedIn(RunAdvice.class));
        used.addAll(keysUsedIn(TrainingService.class));
        for (RunState state : RunState.values()) {
            used.add(state.messageKey());
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(texts.keySet()).containsAll(used);
        texts.forEach((key, text) -> {
            String[] parts = text.split(" \\| ");
            assertThat(parts).as(key).hasSize(2);
            assertThat(parts[0].strip()).as(key + " en").isNotEmpty();
            assertThat(parts[1].strip()).as(key + " ko").isNotEmpty().doesNotContain(parts[0].strip());
        });
    }

    @Test
    void theServiceIsASpringBeanBoundToTinynetsTrainingProperties() {
        new ApplicationContextRunner()
                .withUserConfiguration(TrainingService.class)
                .withPropertyValues("tinynets.training.max-running-per-user=5")
                .run(context -> {
                    TrainingService service = context.getBean(TrainingService.class);
                    assertThat(service.limits().maxRunningPerUser()).isEqualTo(5);
                    assertThat(service.limits().maxRunningGlobal()).isEqualTo(120);
                });
    }
}
