package io.tinynets.training;

/**
 * Bad input refused in words: an {@link IllegalArgumentException} (so plain callers and tests see the usual type)
 * that carries its message key and arguments for the UI, with the English text as its message for logs. The features'
 * refusals of values (an experiment field, a picture, a shared link) are this with a name of their own.
 */
public class RefusedInput extends IllegalArgumentException implements TranslatableProblem {

    private final String key;
    private final transient Object[] args;

    public RefusedInput(String key, Object... args) {
        super(TranslatableProblem.english(key, args));
        this.key = key;
        this.args = args.clone();
    }

    @Override
    public final String messageKey() {
        return key;
    }

    @Override
    public final Object[] messageArgs() {
        return args.clone();
    }
}
