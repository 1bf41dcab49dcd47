package io.tinynets.training;

import java.util.List;

/**
 * The training service refused an operation (a limit is reached, the run is unknown or not the caller's, a value is
 * out of range). It carries a message key and arguments so the UI can show a clear, localized message;
 * {@link #getMessage()} is an English fallback for logs.
 */
public class TrainingRefusedException extends RuntimeException {

    private final transient Advice advice;

    public TrainingRefusedException(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.advice = Advice.of(messageKey, args);
    }

    public String messageKey() {
        return advice.messageKey();
    }

    public List<Object> args() {
        return advice.args();
    }

    public Advice advice() {
        return advice;
    }
}
