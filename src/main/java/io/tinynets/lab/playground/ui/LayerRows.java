package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.tinynets.engine.Activation;
import io.tinynets.lab.playground.PlaygroundConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The hidden layers as the student edits them: add or remove a layer, widen or narrow one, pick its activation.
 * The rows are rebuilt after every change; the controls of each are reported for locking ("hidden" for the widths,
 * "activations" for the activations).
 */
final class LayerRows extends Div {

    final List<Integer> hidden = new ArrayList<>(List.of(4, 2));
    final List<Activation> activations = new ArrayList<>(List.of(Activation.TANH, Activation.TANH));
    final Button addLayer = new Button(VaadinIcon.PLUS.create());
    final Button removeLayer = new Button(VaadinIcon.MINUS.create());
    final Span layerCount = new Span();
    final Div layerRows = new Div();
    private final List<Component> widthControls = new ArrayList<>();
    private final List<Component> activationControls = new ArrayList<>();
    private final Runnable changed;

    /** @param changed called after every change the student makes */
    LayerRows(Runnable changed) {
        this.changed = changed;
        addLayer.setTooltipText(getTranslation("playground.layers.add"));
        removeLayer.setTooltipText(getTranslation("playground.layers.remove"));
        addLayer.setAriaLabel(getTranslation("playground.layers.add"));
        removeLayer.setAriaLabel(getTranslation("playground.layers.remove"));
        addLayer.addClickListener(e -> {
            if (hidden.size() < PlaygroundConfig.MAX_LAYERS) {
                hidden.add(hidden.isEmpty() ? 4 : hidden.get(hidden.size() - 1));
                activations.add(activations.isEmpty() ? Activation.TANH : activations.get(activations.size() - 1));
                layersChanged();
            }
        });
        removeLayer.addClickListener(e -> {
            if (!hidden.isEmpty()) {
                hidden.remove(hidden.size() - 1);
                activations.remove(activations.size() - 1);
                layersChanged();
            }
        });
        HorizontalLayout layers = new HorizontalLayout(removeLayer, layerCount, addLayer);
        layers.setAlignItems(FlexComponent.Alignment.CENTER);
        layerRows.addClassName("layer-rows");
        add(layers, layerRows);
        render();
    }

    private void layersChanged() {
        render();
        changed.run();
    }

    /** Every layer at once (a restored configuration); rebuilds the rows without reporting a change. */
    void set(List<Integer> widths, List<Activation> acts) {
        hidden.clear();
        hidden.addAll(widths);
        activations.clear();
        activations.addAll(acts);
        render();
    }

    /** Sets every hidden layer at once (tests and presets). */
    void setLayers(List<Integer> widths, Activation activation) {
        set(widths, widths.stream().map(w -> activation).toList());
        changed.run();
    }

    void changeWidth(int layer, int delta) {
        int w = hidden.get(layer) + delta;
        if (w >= 1 && w <= PlaygroundConfig.MAX_NEURONS) {
            hidden.set(layer, w);
            layersChanged();
        }
    }

    /** The add/remove buttons and every row's width buttons: what writes "hidden". */
    Component[] widthControls() {
        List<Component> all = new ArrayList<>(List.of(addLayer, removeLayer));
        all.addAll(widthControls);
        return all.toArray(Component[]::new);
    }

    /** Every row's activation: what writes "activations". */
    Component[] activationControls() {
        return activationControls.toArray(Component[]::new);
    }

    private void render() {
        layerCount.setText(getTranslation("playground.layers.count", hidden.size()));
        addLayer.setEnabled(hidden.size() < PlaygroundConfig.MAX_LAYERS);
        removeLayer.setEnabled(!hidden.isEmpty());
        layerRows.removeAll();
        widthControls.clear();
        activationControls.clear();
        for (int i = 0; i < hidden.size(); i++) {
            layerRows.add(row(i));
        }
    }

    private HorizontalLayout row(int layer) {
        Button minus = new Button(VaadinIcon.MINUS.create(), e -> changeWidth(layer, -1));
        Button plus = new Button(VaadinIcon.PLUS.create(), e -> changeWidth(layer, +1));
        minus.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        plus.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        minus.setTooltipText(getTranslation("playground.neurons.remove"));
        plus.setTooltipText(getTranslation("playground.neurons.add"));
        minus.setAriaLabel(getTranslation("playground.neurons.remove"));
        plus.setAriaLabel(getTranslation("playground.neurons.add"));
        minus.setEnabled(hidden.get(layer) > 1);
        plus.setEnabled(hidden.get(layer) < PlaygroundConfig.MAX_NEURONS);
        Select<Activation> act = new Select<>();
        act.setItems(Activation.values());
        act.setItemLabelGenerator(a -> getTranslation("activation.name." + a.key()));
        act.setValue(activations.get(layer));
        act.setTooltipText(getTranslation("playground.activation.tooltip"));
        act.setAriaLabel(getTranslation("playground.activation"));
        act.setWidth("9em");
        act.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                activations.set(layer, e.getValue());
                changed.run();
            }
        });
        widthControls.add(minus);
        widthControls.add(plus);
        activationControls.add(act);
        Span label = new Span(getTranslation("playground.layer", layer + 1, hidden.get(layer)));
        label.addClassName("layer-label");
        HorizontalLayout row = new HorizontalLayout(label, minus, plus, act);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setSpacing(false);
        row.addClassName("layer-row");
        return row;
    }
}
