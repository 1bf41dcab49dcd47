package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import io.tinynets.base.ui.BoundedUpload;
import io.tinynets.data.CsvDatasetReader;
import io.tinynets.data.CsvFormatException;
import io.tinynets.data.Dataset2D;
import io.tinynets.data.DatasetKind;
import io.tinynets.data.Point2D;
import io.tinynets.lab.playground.PlaygroundConfigJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The playground's points: generated from the data settings, uploaded as CSV, or drawn by clicking the map (shift-click
 * removes). Drawn or uploaded points are the student's own: a saved run keeps them.
 */
final class PlaygroundData {

    /** The student's CSV: at most {@link CsvDatasetReader#MAX_BYTES}, counted on the server as it streams in. */
    final Upload upload;
    final Span uploadStatus = new Span();
    final Select<Integer> clickClass = new Select<>();
    private final PlaygroundForm form;
    private Dataset2D data;
    private boolean custom;
    /** Set while the form is filled from code: the settings' changes do not generate data one by one. */
    private boolean filling;

    PlaygroundData(PlaygroundForm form) {
        this.form = form;
        upload = BoundedUpload.control(CsvDatasetReader.MAX_BYTES, bytes -> loadCsv(new ByteArrayInputStream(bytes)),
                () -> showError(form.getTranslation("upload.tooLarge", BoundedUpload.size(CsvDatasetReader.MAX_BYTES))));
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setDropLabel(new Span(form.getTranslation("playground.upload.drop")));
        upload.setUploadButton(new Button(form.getTranslation("playground.upload"), VaadinIcon.UPLOAD.create()));
        upload.getElement().setAttribute("title", form.getTranslation("playground.upload.tooltip"));
        upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));
        uploadStatus.addClassName("upload-status");
        clickClass.setLabel(form.getTranslation("playground.clickClass"));
        clickClass.setTooltipText(form.getTranslation("playground.clickClass.tooltip"));
    }

    Dataset2D current() {
        return data;
    }

    boolean isCustom() {
        return custom;
    }

    /** Runs {@code fill} without generating data on each setting it changes. */
    void filling(Runnable fill) {
        filling = true;
        try {
            fill.run();
        } finally {
            filling = false;
        }
    }

    /** New points from the data settings (when they are valid). */
    void regenerate() {
        DatasetKind kind = form.dataset.getValue();
        if (filling || kind == null) {
            return;
        }
        if (!form.binder.isValid()) {
            form.settingsChanged(); // no new points from invalid settings, but Play must say so
            return;
        }
        custom = false;
        uploadStatus.setText("");
        PlaygroundForm.Values v = form.values;
        changed(Dataset2D.generate(kind, v.points, v.noise / 100.0, v.trainPercent / 100.0,
                new SplittableRandom(v.seed)));
    }

    /** A reopened run's own points. */
    void useSaved(Dataset2D saved) {
        custom = true;
        uploadStatus.setText(form.getTranslation("playground.experiment.ownDataLoaded", saved.train().size()
                + saved.test().size()));
        changed(saved);
    }

    /** Reads a CSV upload: on any problem nothing changes and the line and reason are shown. */
    void loadCsv(InputStream in) {
        CsvDatasetReader.Result result;
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            result = new CsvDatasetReader().read(reader);
        } catch (CsvFormatException e) {
            String reason = form.getTranslation(e.messageKey(), e.args().toArray());
            showError(form.getTranslation("playground.upload.error", e.line(), reason));
            return;
        } catch (IOException | UncheckedIOException e) {
            showError(form.getTranslation("playground.upload.unreadable"));
            return;
        }
        PlaygroundForm.Values v = form.values;
        int fraction = v.trainPercent == null ? 50 : v.trainPercent;
        Dataset2D loaded = Dataset2D.split(result.points(), result.classes(), fraction / 100.0,
                new SplittableRandom(v.seed == null ? 1 : v.seed));
        custom = true;
        uploadStatus.setText(form.getTranslation("playground.upload.loaded", result.points().size(),
                result.classes()));
        uploadStatus.getElement().getThemeList().clear();
        uploadStatus.getElement().getThemeList().add("badge success");
        changed(loaded);
    }

    void showError(String text) {
        uploadStatus.setText(text);
        uploadStatus.getElement().getThemeList().clear();
        uploadStatus.getElement().getThemeList().add("badge error");
    }

    /** Click adds a training point of the chosen class; shift-click removes the nearest point within reach. */
    void clickPoint(double x, double y, boolean remove) {
        if (data == null) {
            return;
        }
        if (form.locked(PlaygroundConfigJson.CUSTOM_DATA)) {
            // the assignment fixes the data: a drawn point would make the run differ from it
            Notification.show(form.whyLocked(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        List<Point2D> train = new ArrayList<>(data.train());
        List<Point2D> test = new ArrayList<>(data.test());
        if (remove) {
            if (!removeNearest(train, test, x, y)) {
                return;
            }
        } else {
            if (clickClass.getValue() == null || train.size() >= Dataset2D.MAX_SIZE) {
                return;
            }
            train.add(new Point2D(x, y, clickClass.getValue()));
        }
        custom = true;
        changed(new Dataset2D(train, test, data.classes()));
    }

    /** Removes the point nearest to (x, y) within reach, never the last training point; false when none. */
    private static boolean removeNearest(List<Point2D> train, List<Point2D> test, double x, double y) {
        double bestD = 0.5;
        int best = -1;
        boolean inTrain = true;
        for (int i = 0; i < train.size() + test.size(); i++) {
            Point2D p = i < train.size() ? train.get(i) : test.get(i - train.size());
            double d = Math.hypot(p.x1() - x, p.x2() - y);
            if (d < bestD) {
                bestD = d;
                best = i < train.size() ? i : i - train.size();
                inTrain = i < train.size();
            }
        }
        if (best < 0 || inTrain && train.size() == 1) {
            return false;
        }
        (inTrain ? train : test).remove(best);
        return true;
    }

    private void changed(Dataset2D d) {
        data = d;
        int classes = d.classes();
        List<Integer> labels = classes == 0 ? List.of(-1, 1) : IntStream.range(0, classes).boxed().toList();
        Integer chosen = clickClass.getValue();
        clickClass.setItems(labels);
        clickClass.setItemLabelGenerator(c -> classes == 0 ? form.getTranslation("playground.clickValue", c)
                : form.getTranslation("playground.clickClass.item", c + 1));
        clickClass.setValue(chosen != null && labels.contains(chosen) ? chosen : labels.get(labels.size() - 1));
        form.dataChanged(d);
    }
}
