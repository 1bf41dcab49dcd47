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

    /**
     * Names the latent plane's axes for these internals: the code numbers themselves for k ≤ 2 (one code number puts
     * every point at height 0), their first two principal components beyond.
     */
    static void nameAxes(LatentPlane plane, AutoencoderInternals in, Component words) {
        if (in.bottleneck() <= 2) {
            plane.setAxisLabels(words.getTranslation("autoencoder.latent.axis.code", 1),
                    in.bottleneck() == 1 ? "" : words.getTranslation("autoencoder.latent.axis.code", 2));
        } else {
            plane.setAxisLabels(words.getTranslation("autoencoder.latent.axis.pc", 1),
                    words.getTranslation("autoencoder.latent.axis.pc", 2));
        }
    }

    /** "64%": whole percent, written the same in both languages. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
    }
}
