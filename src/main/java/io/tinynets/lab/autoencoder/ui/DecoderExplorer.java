package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import io.tinynets.base.ui.Palette;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.autoencoder.LatentDecoder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The latent space coloured by class, and the decoder explorer: what the decoder draws at any picked point of the
 * latent plane, and the straight line between two inputs' codes decoded step by step. Works on the latest internals
 * (their frozen decoder copy), never on the live trainer.
 */
final class DecoderExplorer {

    static final int INTERPOLATION_STEPS = 8;
    /** Okabe–Ito plus two, so ten digit classes get ten colours. */
    static final List<String> CLASS_COLOURS;

    static {
        List<String> c = new ArrayList<>(Palette.COLOURS);
        c.add("#000000");
        c.add("#882255");
        CLASS_COLOURS = List.copyOf(c);
    }

    final LatentPlane latentPlane = new LatentPlane(300);
    final Span latentCaption = new Span();
    final ImageGrid decodedImage = new ImageGrid(96);
    final Span decodedText = new Span();
    final Select<Integer> from = new Select<>();
    final Select<Integer> to = new Select<>();
    final Button interpolate = new Button();
    /** The keyboard's way to a point of the latent plane (a click or a drag there sets them too). */
    final NumberField pickX = new NumberField();
    final NumberField pickY = new NumberField();
    private boolean pickedOnPlane;
    final ImageGrid interpolation = new ImageGrid(40);
    private final AutoencoderPanels panels;
    private AutoencoderInternals internals;
    private List<String> shownClasses = List.of();

    DecoderExplorer(AutoencoderPanels panels) {
        this.panels = panels;
    }

    Div latentBox() {
        latentPlane.addPickListener(e -> {
            pickedOnPlane = true;
            pickX.setValue(e.getX());
            pickY.setValue(e.getY());
            pickedOnPlane = false;
            pick(e.getX(), e.getY());
        });
        latentCaption.setText(panels.getTranslation("autoencoder.latent.empty"));
        Div box = panels.titled("autoencoder.chart.latent", latentPlane);
        box.add(new Paragraph(latentCaption));
        return box;
    }

    Div explorerBox() {
        decodedText.addClassName("ae-decoded-text");
        decodedText.setText(panels.getTranslation("autoencoder.explorer.empty"));
        from.setLabel(panels.getTranslation("autoencoder.interpolate.from"));
        to.setLabel(panels.getTranslation("autoencoder.interpolate.to"));
        for (Select<Integer> s : List.of(from, to)) {
            s.setItems(IntStream.range(0, AutoencoderLabTrainer.SHOWN).boxed().toList());
            s.setItemLabelGenerator(i -> "#" + (i + 1));
            s.setWidth("7em");
        }
        from.setValue(0);
        to.setValue(1);
        interpolate.setText(panels.getTranslation("autoencoder.interpolate"));
        interpolate.setTooltipText(panels.getTranslation("autoencoder.interpolate.tooltip"));
        interpolate.addClickListener(e -> interpolate());
        interpolate.setEnabled(false);
        pickX.setLabel(panels.getTranslation("autoencoder.explorer.x"));
        pickY.setLabel(panels.getTranslation("autoencoder.explorer.y"));
        for (NumberField f : List.of(pickX, pickY)) {
            f.setStep(0.05);
            f.setStepButtonsVisible(true);
            f.setWidth("8em");
            f.addValueChangeListener(e -> {
                if (!pickedOnPlane && pickX.getValue() != null && pickY.getValue() != null) {
                    latentPlane.setPick(pickX.getValue(), pickY.getValue());
                    pick(pickX.getValue(), pickY.getValue());
                }
            });
        }
        HorizontalLayout coordinates = new HorizontalLayout(pickX, pickY);
        coordinates.setAlignItems(FlexComponent.Alignment.BASELINE);
        coordinates.setWrap(true);
        HorizontalLayout pickers = new HorizontalLayout(from, to, interpolate);
        pickers.setAlignItems(FlexComponent.Alignment.BASELINE);
        pickers.setWrap(true);
        Div box = panels.titled("autoencoder.chart.explorer", decodedImage, decodedText, coordinates, pickers,
                interpolation);
        box.add(new Paragraph(panels.getTranslation("autoencoder.explorer.caption")));
        return box;
    }

    /** A new configuration: no points, no path. */
    void clear() {
        latentPlane.setPoints(-1, 1, -1, 1, new double[0], new double[0], new int[0]);
        latentPlane.setPath(new double[0]);
    }

    void setInternals(AutoencoderInternals in) {
        internals = in;
        interpolate.setEnabled(true);
    }

    void showLatent(AutoencoderInternals in) {
        double[] x = in.latentX();
        double[] y = in.latentY();
        double[] xr = range(x);
        double[] yr = in.bottleneck() == 1 ? new double[]{-1, 1} : range(y);
        List<String> names = in.classNames().stream().map(this::className).toList();
        if (!names.equals(shownClasses)) {
            shownClasses = names;
            latentPlane.setClasses(names, CLASS_COLOURS);
        }
        latentPlane.setPoints(xr[0], xr[1], yr[0], yr[1], x, y, in.latentLabels());
        latentCaption.setText(panels.getTranslation(in.bottleneck() == 1 ? "autoencoder.latent.one"
                : in.bottleneck() == 2 ? "autoencoder.latent.two" : "autoencoder.latent.pca", in.bottleneck())
                + " " + NeighboursText.of(in, panels));
        NeighboursText.nameAxes(latentPlane, in, panels);
    }

    /** min − 10%, max + 10% of the spread, never empty. */
    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!(hi >= lo)) {
            return new double[]{-1, 1};
        }
        double pad = Math.max((hi - lo) * 0.1, 1e-3);
        return new double[]{lo - pad, hi + pad};
    }

    /** What the decoder draws at plane point (x, y). */
    void pick(double x, double y) {
        AutoencoderInternals in = internals;
        if (in == null) {
            decodedText.setText(panels.getTranslation("autoencoder.explorer.empty"));
            return;
        }
        double[] out = in.decoder().decodeAt(x, y);
        if (in.image()) {
            decodedImage.setImages(in.width(), in.height(), 1, 1, quantize(out));
            decodedText.setText(panels.getTranslation("autoencoder.explorer.at", panels.format(x),
                    panels.format(y)));
        } else {
            decodedText.setText(panels.getTranslation("autoencoder.explorer.point", panels.format(x),
                    panels.format(y), panels.format(out[0]), panels.format(out[1]), panels.format(out[2])));
        }
    }

    /** Decodes {@link #INTERPOLATION_STEPS} codes on the straight line between the two chosen inputs' codes. */
    void interpolate() {
        AutoencoderInternals in = internals;
        if (in == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        double[] a = in.shownSample(from.getValue());
        double[] b = in.shownSample(to.getValue());
        LatentDecoder decoder = in.decoder();
        double[][] steps = decoder.interpolate(a, b, INTERPOLATION_STEPS);
        if (in.image()) {
            byte[] bytes = new byte[steps.length * in.features()];
            for (int s = 0; s < steps.length; s++) {
                System.arraycopy(quantize(steps[s]), 0, bytes, s * in.features(), in.features());
            }
            interpolation.setImages(in.width(), in.height(), steps.length, steps.length, bytes);
        }
        double[] pa = decoder.planeOf(a);
        double[] pb = decoder.planeOf(b);
        latentPlane.setPath(new double[]{pa[0], pa[1], pb[0], pb[1]});
    }

    private static byte[] quantize(double[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = AutoencoderInternals.quantize(values[i]);
        }
        return b;
    }

    private String className(String key) {
        return key.chars().allMatch(Character::isDigit) ? key : panels.getTranslation("autoencoder.class." + key);
    }
}
