package io.tinynets.lab.sequence;

import java.util.Arrays;
import java.util.Optional;

/** The tasks the sequence lab offers, with stable persisted keys (the same as the data tasks' keys). */
public enum SequenceTaskKind {
    /** Remember the first symbol across a gap of D steps: the long-term dependency problem in its purest form. */
    DELAYED_RECALL("delayed_recall"),
    /** Predict the next value of a noisy sine: a short memory suffices. */
    NOISY_SINE("noisy_sine"),
    /** Add the two marked values of a long sequence (Hochreiter &amp; Schmidhuber's adding problem). */
    ADDING("adding"),
    /** Predict the next character of the built-in English/Korean corpus. */
    NEXT_CHARACTER("next_character"),
    /** Predict the next character of the student's own text. */
    CUSTOM_TEXT("custom_text");

    private final String key;

    SequenceTaskKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** True for the character tasks, whose models get a predicted distribution and a sampled continuation. */
    public boolean characters() {
        return this == NEXT_CHARACTER || this == CUSTOM_TEXT;
    }

    /** True when the sequence length comes from the delay (D + 1) rather than the length field. */
    public boolean usesDelay() {
        return this == DELAYED_RECALL;
    }

    public static Optional<SequenceTaskKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
