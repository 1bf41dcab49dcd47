package io.tinynets.lab.playground;

import io.tinynets.data.Dataset2D;
import io.tinynets.data.Point2D;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The playground's picture: the decision boundary over the input plane with the data on it. The view saves
 * {@link #boundary} with an experiment and draws {@link #points}; a projected run shows both.
 */
@Component
public class PlaygroundPicture implements LivePicture {

    public static final String LAB = "playground";

    /** The network's output (or predicted class) over the grid, quantized as a saved experiment keeps it. */
    public static Picture boundary(PlaygroundInternals internals) {
        return Picture.quantize(internals.gridSize(), internals.gridSize(), internals.boundary(),
                internals.boundaryMin(), internals.boundaryMax());
    }

    /**
     * Training points as circles, test points as squares ("hollow"), filled by class (for regression by the sign of the target), in
     * the square the boundary covers.
     */
    public static Overlay points(Dataset2D data) {
        double domain = PlaygroundTrainer.domainOf(data);
        int n = data.train().size() + data.test().size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] cs = new int[n];
        boolean[] hollow = new boolean[n];
        int i = 0;
        for (List<Point2D> set : List.of(data.train(), data.test())) {
            for (Point2D p : set) {
                xs[i] = p.x1();
                ys[i] = p.x2();
                cs[i] = data.isRegression() ? (p.label() >= 0 ? 1 : 0) : (int) p.label();
                hollow[i] = set == data.test();
                i++;
            }
        }
        return new Overlay(-domain, domain, -domain, domain, xs, ys, cs, hollow);
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public Optional<Picture> of(Object internals) {
        return internals instanceof PlaygroundInternals in ? Optional.of(boundary(in)) : Optional.empty();
    }

    /**
     * Predicted classes 0..k−1 (softmax) in the points' class colours, so a green region holds the green points; one
     * signed or probability output diverges from blue (class 0) to orange (class 1), again the points' colours.
     */
    public static Colours colours(PlaygroundInternals in) {
        return in.boundaryMax() - in.boundaryMin() > 1.5 && in.boundaryMin() == 0 ? Colours.CLASSES
                : Colours.DIVERGING;
    }

    @Override
    public Colours colours(Object internals) {
        return internals instanceof PlaygroundInternals in ? colours(in) : Colours.DIVERGING;
    }

    @Override
    public String captionKey(Object internals) {
        return "classroom.dashboard.picture.playground";
    }

    /** Two classes: the output itself; more: the class the network predicts (the map's colour per class). */
    @Override
    public String valueKey(Object internals) {
        return internals instanceof PlaygroundInternals in && in.data() != null && in.data().classes() > 2
                ? "playground.boundary.value.class" : "playground.boundary.value.output";
    }

    @Override
    public Optional<Overlay> overlay(Object internals) {
        return internals instanceof PlaygroundInternals in && in.data() != null ? Optional.of(points(in.data()))
                : Optional.empty();
    }
}
