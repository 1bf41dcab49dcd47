package io.tinynets.training;

import java.util.List;
import java.util.Objects;

/**
 * A message for the student that is not yet text: the UI resolves {@code messageKey} with
 * {@code getTranslation(messageKey, args.toArray())}, so the same run explains itself in English or Korean.
 * Keys and texts are listed in {@code training-messages.txt}.
 */
public record Advice(String messageKey, List<Object> args) {

    public Advice {
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    public static Advice of(String messageKey, Object... args) {
        return new Advice(messageKey, List.of(args));
    }
}
