package io.tinynets.experiment;

/** A refusal the UI can show in the user's language: a message key of the "experiments" section and its arguments. */
public interface TranslatableProblem {

    String messageKey();

    Object[] messageArgs();
}
