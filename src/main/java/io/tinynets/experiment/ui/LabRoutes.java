package io.tinynets.experiment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

import java.util.Optional;

/**
 * Where an experiment's lab lives, and how to open an experiment in it.
 *
 * <p><b>Contract with the labs.</b> A lab's key (the {@code lab} of its {@code ExperimentDraft}) is its route path
 * ("playground", "descent"…). "Open in lab" navigates to {@code <lab>?experiment=<id>}. A lab that supports reopening
 * reads the query parameter {@value #EXPERIMENT_PARAMETER} in {@code beforeEnter}, loads the experiment with
 * {@code ExperimentService.get(CurrentUser.experimentOwner(), id)} (which refuses what the user does not own: show
 * the translated {@code messageKey()} then), restores its config (by {@code configVersion}), seed, weights and
 * curves, and offers to replay from the seed (same config + seed = the same curve) or to continue training from the
 * saved weights. The lab's icon and name in the experiment pages come from its {@code @Menu} entry.
 */
public final class LabRoutes {

    /** The query parameter that carries the experiment id to a lab. */
    public static final String EXPERIMENT_PARAMETER = "experiment";

    private LabRoutes() {
    }

    /** True when this server has a view at the lab's route. */
    public static boolean available(String lab) {
        try {
            return RouteConfiguration.forApplicationScope().isPathAvailable(lab);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Opens the lab with the experiment: {@code <lab>?experiment=<id>}. */
    public static void open(UI ui, String lab, long experimentId) {
        ui.navigate(lab, QueryParameters.of(EXPERIMENT_PARAMETER, Long.toString(experimentId)));
    }

    /** The id in a lab's query parameters, if any and well-formed. */
    public static Optional<Long> experimentId(QueryParameters parameters) {
        return parameters.getSingleParameter(EXPERIMENT_PARAMETER).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static Optional<MenuEntry> entry(String lab) {
        try {
            return MenuConfiguration.getMenuEntries().stream()
                    .filter(e -> lab.equals(e.path()) || ("/" + lab).equals(e.path())).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lab's name in the user's language (its navigation title), or its key when the lab is not on this server. */
    static String name(UI ui, String lab) {
        return entry(lab).map(e -> ui.getTranslation(e.title())).orElse(lab);
    }

    static Icon icon(UI ui, String lab) {
        Icon icon = entry(lab).filter(e -> e.icon() != null).map(e -> new Icon(e.icon()))
                .orElseGet(VaadinIcon.FLASK::create);
        String name = name(ui, lab);
        icon.setTooltipText(name);
        icon.getElement().setAttribute("role", "img"); // a name is allowed (and read) only on an image
        icon.getElement().setAttribute("aria-label", name);
        icon.addClassName("experiment-lab-icon");
        return icon;
    }
}
