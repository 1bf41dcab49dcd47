package io.tinynets.lab.descent.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonValue;

import io.tinynets.base.ui.PictureText;

import java.util.ArrayList;
import java.util.List;

/**
 * Java side of {@code <tn-path-overlay>}: racers' paths, current points and arrows drawn in SVG over a heat map.
 * Paths are append-only (only new points travel); the server keeps them too, for tests and re-attach.
 */
@Tag("tn-path-overlay")
@JsModule("./components/path-overlay.ts")
class PathOverlay extends Component implements PictureText.Described {

    private final PictureText text = new PictureText(this, "picture.kind.pathOverlay");

    @Override
    public PictureText pictureText() {
        return text;
    }

    private final List<String> colours = new ArrayList<>();
    private final List<List<double[]>> paths = new ArrayList<>();
    private double[] domain = {0, 1, 0, 1};
    private double[] minima = new double[0];
    private JsonArray arrows;

    PathOverlay(int sizePixels) {
        getElement().setProperty("size", sizePixels);
    }

    void setDomain(double xMin, double xMax, double yMin, double yMax) {
        domain = new double[] {xMin, xMax, yMin, yMax};
        getElement().callJsFunction("setDomain", xMin, xMax, yMin, yMax);
    }

    /** One empty path per colour. */
    void setPaths(List<String> newColours) {
        colours.clear();
        colours.addAll(newColours);
        paths.clear();
        newColours.forEach(c -> paths.add(new ArrayList<>()));
        JsonArray arr = Json.createArray();
        newColours.forEach(c -> arr.set(arr.length(), c));
        getElement().callJsFunction("setPaths", arr);
    }

    /** Per path, the new points (x, y pairs); null or empty for none. */
    void appendPaths(List<double[][]> newPoints) {
        JsonArray all = Json.createArray();
        for (int i = 0; i < newPoints.size(); i++) {
            double[][] pts = newPoints.get(i);
            if (pts == null || pts.length == 0 || i >= paths.size()) {
                all.set(i, Json.createNull());
                continue;
            }
            paths.get(i).addAll(List.of(pts));
            all.set(i, flat(pts));
        }
        getElement().callJsFunction("appendPaths", all);
    }

    /** Replaces every path (e.g. fitted lines as their two end points). */
    void replacePaths(List<double[][]> points) {
        JsonArray all = Json.createArray();
        for (int i = 0; i < points.size() && i < paths.size(); i++) {
            paths.get(i).clear();
            paths.get(i).addAll(List.of(points.get(i)));
            all.set(i, flat(points.get(i)));
        }
        getElement().callJsFunction("replacePaths", all);
    }

    /** Per path {x, y, dx, dy, vx, vy} or null: the arrows at the current point (directions only). */
    void setArrows(List<double[]> arrows) {
        JsonArray all = Json.createArray();
        for (int i = 0; i < arrows.size(); i++) {
            double[] a = arrows.get(i);
            all.set(i, a == null ? Json.createNull() : numbers(a));
        }
        this.arrows = all;
        getElement().callJsFunction("setArrows", all);
    }

    void setMinima(List<double[]> points) {
        minima = points.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        getElement().callJsFunction("setMinima", numbers(minima));
    }

    int pathLength(int path) {
        return paths.get(path).size();
    }

    double[] lastPoint(int path) {
        List<double[]> p = paths.get(path);
        return p.isEmpty() ? null : p.get(p.size() - 1).clone();
    }

    List<String> colours() {
        return List.copyOf(colours);
    }

    @Override
    protected void onAttach(AttachEvent e) {
        if (!e.isInitialAttach()) {
            setDomain(domain[0], domain[1], domain[2], domain[3]);
            getElement().callJsFunction("setMinima", numbers(minima));
            List<List<double[]>> keep = new ArrayList<>(paths);
            setPaths(List.copyOf(colours));
            appendPaths(keep.stream().map(p -> p.toArray(double[][]::new)).toList());
            if (arrows != null) {
                getElement().callJsFunction("setArrows", arrows);
            }
        }
    }

    private static JsonArray flat(double[][] pts) {
        JsonArray arr = Json.createArray();
        for (double[] p : pts) {
            arr.set(arr.length(), rounded(p[0]));
            arr.set(arr.length(), rounded(p[1]));
        }
        return arr;
    }

    private static JsonArray numbers(double[] values) {
        JsonArray arr = Json.createArray();
        for (double v : values) {
            arr.set(arr.length(), rounded(v));
        }
        return arr;
    }

    /** Five significant digits are plenty for a few hundred pixels, and keep each update small. */
    private static JsonValue rounded(double v) {
        if (!Double.isFinite(v)) {
            return Json.createNull();
        }
        return Json.create(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.5g", v)));
    }
}
