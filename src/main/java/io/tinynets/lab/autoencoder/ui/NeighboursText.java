package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.CodeNeighbours;

import java.util.Locale;

/**
 * The latent space's measured promise in words: how many of each point's nearest neighbours in the code space share
 * its class, beside what chance gives, so "the digits separate into clusters" is a number the student can watch.
 */
final class NeighboursText {

    private NeighboursText() {
    }

    /** The sentence for these internals, or "" when there is nothing to measure. */
    static String of(AutoencoderInternals in, Component words) {
        CodeNeighbours n = in.neighbours();
        if (n == null || !n.measured()) {
            return "";
        }
        return words.getTranslation("autoencoder.latent.neighbours", CodeNeighbours.NEIGHBOURS,
                percent(n.agreement()), percent(n.chance()));
    }

    /** "64%": whole percent, written the same in both languages. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
    }
}
