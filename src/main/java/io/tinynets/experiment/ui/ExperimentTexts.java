package io.tinynets.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.tinynets.experiment.ImportProblem;
import io.tinynets.training.TranslatableProblem;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;

/** Texts shared by the experiment views: refusals in the user's language, numbers and dates. */
final class ExperimentTexts {

    private ExperimentTexts() {
    }

    static String problem(Component c, TranslatableProblem p) {
        String text = c.getTranslation(p.messageKey(), p.messageArgs());
        if (p instanceof ImportProblem ip && ip.experimentNumber() != null) {
            return c.getTranslation("experiments.import.inExperiment", ip.experimentNumber(), text);
        }
        return text;
    }

    static Notification error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }

    static Notification success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    static String number(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String percent(Double v, Locale locale) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    static String date(Instant t, Locale locale) {
        return io.tinynets.base.ui.Dates.dateTime(t, locale);
    }
}
