package io.tinynets.lab.descent;

import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The descent lab's picture: the surface (what a saved experiment keeps) with every racer's walk over it, the past
 * steps hollow (drawn as squares) and the current point solid (a circle), coloured by optimizer. A surface never changes, so its map is computed
 * once per kind.
 */
@Component
public class DescentPicture implements LivePicture {

    public static final String LAB = "descent";
    /** At most this many past steps per racer: enough to see the path's shape, few bytes per update. */
    static final int PATH_POINTS = 40;

    private final Map<SurfaceKind, SurfaceMap> maps = new ConcurrentHashMap<>();

    /** A 2D surface reads low to high; a 1D curve's shaded area below it is a two-tone picture. */
    public static Colours colours(Surface surface) {
        return surface.dimensions() == 2 ? Colours.SEQUENTIAL : Colours.DIVERGING;
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public Optional<Picture> of(Object internals) {
        return internals instanceof DescentInternals in && in.surface() != null ? Optional.of(map(in.surface())
                .picture()) : Optional.empty();
    }

    @Override
    public Colours colours(Object internals) {
        return internals instanceof DescentInternals in && in.surface() != null ? colours(in.surface().create())
                : Colours.SEQUENTIAL;
    }

    @Override
    public String captionKey(Object internals) {
        // "darker is lower" belongs to a 2D surface; a 1D curve is a line with the area below it shaded
        return internals instanceof DescentInternals in && in.surface() != null
                && in.surface().create().dimensions() == 1 ? "classroom.dashboard.picture.descent.curve"
                : "classroom.dashboard.picture.descent";
    }

    /** Steep surfaces (Rosenbrock, Himmelblau) are coloured by log₁₀(1 + f − f_min), and the bar says so. */
    @Override
    public String valueKey(Object internals) {
        return internals instanceof DescentInternals in && in.surface() != null && in.surface().create().logScale()
                ? "picture.value.lossLog" : "picture.value.loss";
    }

    /** Each racer's walk: up to {@link #PATH_POINTS} evenly spaced past steps (hollow), then where it is now. */
    @Override
    public Optional<Overlay> overlay(Object internals) {
        if (!(internals instanceof DescentInternals in) || in.surface() == null) {
            return Optional.empty();
        }
        List<double[]> points = new ArrayList<>(); // {x, y, class, hollow}
        for (RacerSnapshot r : in.racers()) {
            int n = Math.min(r.xs().length(), r.ys().length());
            if (n == 0) {
                continue;
            }
            int stride = Math.max(1, (n - 1 + PATH_POINTS - 1) / PATH_POINTS);
            for (int k = 0; k < n; k += stride) {
                add(points, r.xs().get(k), r.ys().get(k), r.kind().ordinal(), k < n - 1);
            }
            if ((n - 1) % stride != 0) {
                add(points, r.xs().get(n - 1), r.ys().get(n - 1), r.kind().ordinal(), false);
            }
        }
        double[] rect = map(in.surface()).rect();
        int size = points.size();
        double[] x = new double[size];
        double[] y = new double[size];
        int[] classes = new int[size];
        boolean[] hollow = new boolean[size];
        for (int i = 0; i < size; i++) {
            double[] p = points.get(i);
            x[i] = p[0];
            y[i] = p[1];
            classes[i] = (int) p[2];
            hollow[i] = p[3] > 0;
        }
        return Optional.of(new Overlay(rect[0], rect[1], rect[2], rect[3], x, y, classes, hollow));
    }

    /** A diverged walk's infinite or NaN points are left out: there is nowhere to draw them. */
    private static void add(List<double[]> points, double x, double y, int kind, boolean hollow) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            points.add(new double[] {x, y, kind, hollow ? 1 : 0});
        }
    }

    SurfaceMap map(SurfaceKind kind) {
        return maps.computeIfAbsent(kind, k -> SurfaceMap.of(k.create()));
    }
}
