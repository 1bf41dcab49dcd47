package io.tinynets.lab.depth;

import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The depth lab's picture: the first compared network's decision boundary (output probability over the plane) with
 * the training points on it. The view saves {@link #boundary} with an experiment and draws {@link #points}.
 */
@Component
public class DepthPicture implements LivePicture {

    public static final String LAB = "depth";

    /** The first network's output probability over the grid, 0..1, quantized as a saved experiment keeps it. */
    public static Picture boundary(DepthInternals internals) {
        NetworkInternals first = internals.networks().get(0);
        return Picture.quantize(NetworkInternals.GRID, NetworkInternals.GRID, first.boundary(), 0, 1);
    }

    /** Training points (rows x1, x2, target of {@link DepthTrainer#trainingPoints()}) coloured by target ≥ 0.5. */
    public static Overlay points(double[][] points) {
        int n = points[0].length;
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = points[2][i] >= 0.5 ? 1 : 0;
        }
        double d = DepthNetwork.DOMAIN;
        return new Overlay(-d, d, -d, d, points[0], points[1], classes, new boolean[n]);
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public Optional<Picture> of(Object internals) {
        return internals instanceof DepthInternals in && !in.networks().isEmpty() ? Optional.of(boundary(in))
                : Optional.empty();
    }

    @Override
    public Colours colours(Object internals) {
        return Colours.DIVERGING;
    }

    @Override
    public String captionKey(Object internals) {
        return "classroom.dashboard.picture.depth";
    }

    @Override
    public String valueKey(Object internals) {
        return "playground.boundary.value.output";
    }

    @Override
    public Optional<Overlay> overlay(Object internals) {
        return internals instanceof DepthInternals in && in.points() != null ? Optional.of(points(in.points()))
                : Optional.empty();
    }
}
