package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import io.tinynets.base.ui.LineChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pictures of a lab's panels, found the way every lab lays them out: a box whose first child is its title (an
 * {@code H3}) and which holds at least one of our drawing components ({@code tn-…}: charts, heat maps, diagrams,
 * latent planes). Hidden boxes are left out; a box inside a picture is part of that picture.
 */
public final class PanelPictures {

    /** Our web components' tag prefix: what draws (canvas or SVG). */
    static final String TAG_PREFIX = "tn-";

    /** A picture: its title and the box holding it (title, drawing, legend, caption). */
    public record Picture(String title, Component box) {

        /** The line charts in the picture, in order: their curves can be downloaded as CSV. */
        public List<LineChart> charts() {
            List<LineChart> charts = new ArrayList<>();
            collectCharts(box, charts);
            return charts;
        }
    }

    private PanelPictures() {
    }

    /** The shown pictures under {@code root}, in page order. */
    public static List<Picture> in(Component root) {
        List<Picture> pictures = new ArrayList<>();
        collect(root, pictures);
        return pictures;
    }

    /** True when the component and every ancestor are visible (what the page shows). */
    public static boolean shown(Component c) {
        for (Optional<Component> at = Optional.of(c); at.isPresent(); at = at.get().getParent()) {
            if (!at.get().isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Component c, List<Picture> pictures) {
        if (!c.isVisible()) {
            return;
        }
        Optional<Component> first = c.getChildren().findFirst();
        if (first.isPresent() && first.get() instanceof H3 title && draws(c)) {
            pictures.add(new Picture(title.getText(), c));
            return;
        }
        c.getChildren().forEach(child -> collect(child, pictures));
    }

    private static boolean draws(Component c) {
        return c.getElement().getTag().startsWith(TAG_PREFIX) || c.getChildren().anyMatch(PanelPictures::draws);
    }

    private static void collectCharts(Component c, List<LineChart> charts) {
        if (c instanceof LineChart chart) {
            charts.add(chart);
            return;
        }
        c.getChildren().forEach(child -> collectCharts(child, charts));
    }
}
