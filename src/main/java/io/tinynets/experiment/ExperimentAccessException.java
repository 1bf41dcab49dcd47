package io.tinynets.experiment;

/**
 * The acting user may not see or change this experiment: it does not exist (or was deleted), or it belongs to
 * someone else. The two cases keep distinct keys so tests can tell them apart; the UI shows both without detail.
 */
public class ExperimentAccessException extends RuntimeException implements TranslatableProblem {

    public enum Reason { NOT_FOUND, NOT_OWNER }

    private final Reason reason;
    private final long id;

    public ExperimentAccessException(Reason reason, long id) {
        super(ExperimentMessages.english(key(reason), String.valueOf(id)));
        this.reason = reason;
        this.id = id;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String messageKey() {
        return key(reason);
    }

    @Override
    public Object[] messageArgs() {
        return new Object[] {String.valueOf(id)};
    }

    private static String key(Reason reason) {
        return reason == Reason.NOT_FOUND ? "experiments.error.notFound" : "experiments.error.notOwner";
    }
}
