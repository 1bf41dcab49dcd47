package io.tinynets.share;

import io.tinynets.training.RefusedInput;

/** Why a shared link cannot be read or written, in English and as a message key ({@code share.link.*}). */
public class ShareLinkProblem extends RefusedInput {

    public ShareLinkProblem(String key, Object... args) {
        super(key, args);
    }
}
