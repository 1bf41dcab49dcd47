package io.tinynets.share;

import io.tinynets.training.TranslatableProblem;

/** Why a shared link cannot be read or written, in English and as a message key ({@code share.link.*}). */
public class ShareLinkProblem extends IllegalArgumentException implements TranslatableProblem {

    private final String key;
    private final transient Object[] args;

    public ShareLinkProblem(String key, Object... args) {
        super(TranslatableProblem.english(key, args));
        this.key = key;
        this.args = args.clone();
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
