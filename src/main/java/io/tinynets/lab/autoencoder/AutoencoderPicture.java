package io.tinynets.lab.autoencoder;

import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The autoencoder lab's picture: the reconstructions of the shown samples side by side, one byte per pixel as the lab
 * draws them. Point data (3D) has no picture.
 */
@Component
public class AutoencoderPicture implements LivePicture {

    public static final String LAB = "autoencoder";
    /** A saved picture's side limit. */
    static final int MAX_SIDE = 256;

    /** The reconstruction row of the internals' grid, images next to each other; empty for points. */
    public static Optional<Picture> reconstructions(AutoencoderInternals in) {
        if (!in.image() || in.grid().length == 0 || in.shown() * in.width() > MAX_SIDE || in.height() > MAX_SIDE) {
            return Optional.empty();
        }
        int w = in.width();
        int h = in.height();
        int d = in.features();
        int cols = in.shown() * w;
        byte[] values = new byte[cols * h];
        int reconstructions = 2 * in.shown() * d;
        for (int i = 0; i < in.shown(); i++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(in.grid(), reconstructions + i * d + r * w, values, r * cols + i * w, w);
            }
        }
        return Optional.of(new Picture(cols, h, 0, 1, values));
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public Optional<Picture> of(Object internals) {
        return internals instanceof AutoencoderInternals in ? reconstructions(in) : Optional.empty();
    }

    @Override
    public Colours colours(Object internals) {
        return Colours.SEQUENTIAL;
    }

    @Override
    public String captionKey(Object internals) {
        return "classroom.dashboard.picture.autoencoder";
    }

    @Override
    public String valueKey(Object internals) {
        return "picture.value.pixel";
    }
}
