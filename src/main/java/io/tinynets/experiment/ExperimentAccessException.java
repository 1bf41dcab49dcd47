package io.tinynets.experiment;

import io.tinynets.training.TranslatableProblem;

/**
 * The acting user may not see or change this experiment: it does not exist (or was deleted), or it belongs to
 * someone else. The reason is kept for logs and tests, but the message is one and the same for both, on every path
 * that shows it (a reopened lab, the compare page, the detail page…), so an id tried in a URL does not tell whether
 * someone else's experiment has it.
 */
public class ExperimentAccessException extends RuntimeException implements TranslatableProblem {

    public enum Reason { NOT_FOUND, NOT_OWNER }

    /** One key for both reasons: which one it was is not the visitor's business. */
    static final String KEY = "experiments.error.notFound";

    private final Reason reason;
    private final long id;

    public ExperimentAccessException(Reason reason, long id) {
        super(ExperimentMessages.english(KEY, String.valueOf(id)));
        this.reason = reason;
        this.id = id;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String messageKey() {
        return KEY;
    }

    @Override
    public Object[] messageArgs() {
        return new Object[] {String.valueOf(id)};
    }
}
