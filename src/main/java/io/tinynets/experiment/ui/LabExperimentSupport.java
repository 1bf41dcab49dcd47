package io.tinynets.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.TranslatableProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every live lab needs to save and reopen experiments, so the labs agree on curve names and on how a refusal
 * looks: the run's metric history as {@link Curve}s and final figures, loading {@code ?experiment=<id>} with a
 * translated message when it is refused, and the state of the lab's "Save as experiment" button.
 */
public final class LabExperimentSupport {

    public static final String TRAIN_LOSS = "train loss";
    public static final String TEST_LOSS = "test loss";
    public static final String ACCURACY = "accuracy";

    private LabExperimentSupport() {
    }

    /**
     * The run's curves up to and including epoch {@code upTo} (the epoch of the internals the weights come from, so
     * the saved curve ends where the saved weights are): train loss always, test loss and accuracy where recorded.
     */
    public static List<Curve> curves(List<MetricPoint> history, long upTo) {
        return curves(history, upTo, TRAIN_LOSS);
    }

    private static List<Curve> curves(List<MetricPoint> history, long upTo, String trainLossName) {
        List<MetricPoint> points = history.stream().filter(p -> p.epoch() <= upTo).toList();
        List<Curve> curves = new ArrayList<>();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).epoch();
            y[i] = points.get(i).trainLoss();
        }
        curves.add(Curve.of(trainLossName, x, y));
        optionalCurve(TEST_LOSS, points, true).ifPresent(curves::add);
        optionalCurve(ACCURACY, points, false).ifPresent(curves::add);
        return curves;
    }

    private static Optional<Curve> optionalCurve(String name, List<MetricPoint> points, boolean testLoss) {
        List<double[]> xy = new ArrayList<>();
        for (MetricPoint p : points) {
            var v = testLoss ? p.testLoss() : p.accuracy();
            if (v.isPresent()) {
                xy.add(new double[] {p.epoch(), v.getAsDouble()});
            }
        }
        if (xy.isEmpty()) {
            return Optional.empty();
        }
        double[] x = new double[xy.size()];
        double[] y = new double[xy.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xy.get(i)[0];
            y[i] = xy.get(i)[1];
        }
        return Optional.of(Curve.of(name, x, y));
    }

    /**
     * The run's train loss as the curve "loss", and its accuracy as "accuracy" where the run records one, up to and
     * including epoch {@code upTo}: the names the labs without a test set (autoencoder, sequence) save theirs under.
     */
    public static List<Curve> lossAndAccuracy(List<MetricPoint> history, long upTo) {
        return curves(history, upTo, "loss");
    }

    /** "loss" (train), "test loss" and "accuracy" of the last point up to {@code upTo}; non-finite values left out. */
    public static Map<String, Double> finalMetrics(List<MetricPoint> history, long upTo) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        MetricPoint last = null;
        for (MetricPoint p : history) {
            if (p.epoch() <= upTo) {
                last = p;
            }
        }
        if (last == null) {
            return metrics;
        }
        putFinite(metrics, "loss", last.trainLoss());
        if (last.testLoss().isPresent()) {
            putFinite(metrics, TEST_LOSS, last.testLoss().getAsDouble());
        }
        if (last.accuracy().isPresent()) {
            putFinite(metrics, ACCURACY, last.accuracy().getAsDouble());
        }
        return metrics;
    }

    private static void putFinite(Map<String, Double> metrics, String key, double value) {
        if (Double.isFinite(value)) {
            metrics.put(key, value);
        }
    }

    /** A saved curve by name. */
    public static Optional<Curve> curve(Experiment experiment, String name) {
        return experiment.curves().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Loads experiment {@code id} for the current user when it was made in {@code lab}. A refusal (missing,
     * someone else's) or another lab's experiment shows a translated error and gives empty.
     *
     * @param wrongLabKey message key with {0} = id and {1} = the experiment's lab
     */
    public static Optional<Experiment> open(Component view, ExperimentService service, long id, String lab,
                                            String wrongLabKey) {
        Experiment experiment;
        try {
            experiment = service.get(CurrentUser.experimentOwner(), id);
        } catch (RuntimeException e) {
            if (e instanceof TranslatableProblem p) {
                error(view.getTranslation(p.messageKey(), p.messageArgs()));
                return Optional.empty();
            }
            throw e;
        }
        if (!lab.equals(experiment.lab())) {
            error(view.getTranslation(wrongLabKey, String.valueOf(id), experiment.lab()));
            return Optional.empty();
        }
        return Optional.of(experiment);
    }

    /**
     * Why a lab could not take a configuration or weights, in the user's language: the lab's rules refuse with a
     * message key ({@link TranslatableProblem}); other refusals carry their own text.
     */
    public static String reason(Component view, RuntimeException e) {
        return e instanceof TranslatableProblem p ? view.getTranslation(p.messageKey(), p.messageArgs())
                : String.valueOf(e.getMessage());
    }

    /** Shows an error the student can read (never a stack trace). */
    public static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Enables the lab's save button only once there is something to save; the tooltip says why it is disabled.
     *
     * @param whyNot the translated reason shown while disabled
     */
    public static void saveButtonState(Button save, boolean canSave, String whyNot) {
        save.setEnabled(canSave);
        save.setTooltipText(canSave ? save.getTranslation("experiments.saveDialog.open.tooltip") : whyNot);
    }
}
