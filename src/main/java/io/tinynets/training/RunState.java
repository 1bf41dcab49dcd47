package io.tinynets.training;

/**
 * The life cycle of a {@link TrainingRun}. READY and PAUSED wait for the student; RUNNING trains;
 * FINISHED, DIVERGED and FAILED have ended (only a reset trains again); CANCELLED runs are gone.
 */
public enum RunState {
    READY, RUNNING, PAUSED, FINISHED, DIVERGED, FAILED, CANCELLED;

    /** True once the run can no longer train without a reset (or at all, when cancelled). */
    public boolean hasEnded() {
        return this == FINISHED || this == DIVERGED || this == FAILED || this == CANCELLED;
    }

    /** Message key of the state's display name, e.g. {@code training.state.running}. */
    public String messageKey() {
        return "training.state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
