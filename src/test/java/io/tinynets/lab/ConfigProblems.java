package io.tinynets.lab;

import io.tinynets.experiment.ExperimentValidationException;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on a lab's refusal of a configuration: its message key and arguments, not its English text. */
public final class ConfigProblems {

    private ConfigProblems() {
    }

    /** The call is refused with {@code key} and exactly these leading arguments (the field's path first). */
    public static void refused(ThrowableAssert.ThrowingCallable call, String key, Object... leadingArgs) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExperimentValidationException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.messageKey()).as(e.getMessage()).isEqualTo(key);
            Object[] args = e.messageArgs();
            org.assertj.core.api.Assertions.assertThat(args.length).as(e.getMessage())
                    .isGreaterThanOrEqualTo(leadingArgs.length);
            for (int i = 0; i < leadingArgs.length; i++) {
                org.assertj.core.api.Assertions.assertThat(String.valueOf(args[i])).as(e.getMessage() + " arg " + i)
                        .isEqualTo(String.valueOf(leadingArgs[i]));
            }
        });
    }
}
