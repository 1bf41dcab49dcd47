package io.tinynets.classroom;

import io.tinynets.training.TranslatableProblem;

/**
 * A refusal of a classroom operation, with a message key of the "classroom" section for the UI. Access refusals use
 * one key ({@link #DENIED}) whatever the reason (unknown id, someone else's class, wrong role), so an id guessed in a
 * URL learns nothing.
 */
public class ClassroomException extends RuntimeException implements TranslatableProblem {

    public static final String DENIED = "classroom.error.denied";

    private final String key;
    private final transient Object[] args;

    public ClassroomException(String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args)));
        this.key = key;
        this.args = args.clone();
    }

    /** The acting user may not do this (or the thing does not exist): one answer for both. */
    public static ClassroomException denied() {
        return new ClassroomException(DENIED);
    }

    public boolean isDenied() {
        return DENIED.equals(key);
    }

    @Override
    public String messageKey() {
        return key;
    }

    @Override
    public Object[] messageArgs() {
        return args.clone();
    }
}
