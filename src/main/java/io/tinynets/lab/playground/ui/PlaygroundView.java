package io.tinynets.lab.playground.ui;

import io.tinynets.base.ui.PublicView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.tinynets.base.ui.Numbers;
import io.tinynets.base.ui.frame.LabAddOn;
import io.tinynets.base.ui.frame.LabFrame;
import io.tinynets.experiment.Provenance;
import io.tinynets.experiment.ui.LabExperiments;
import io.tinynets.lab.playground.PlaygroundConfigJson.Saved;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.playground.WeightEdit;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.training.TrainingService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.function.Supplier;

/**
 * The Playground: pick or draw 2-D data, choose input features and hidden layers, and watch the decision boundary,
 * the network's weights and the loss curves change while it trains; click a weight in the diagram to set it by hand
 * (or pick it from a list, from the keyboard).
 */
@PublicView
@Route(PlaygroundConfigJson.LAB) // the key, written once in the codec
@Menu(title = "nav.playground", order = 4, icon = "vaadin:cluster")
class PlaygroundView extends LabFrame<Saved, PlaygroundInternals, PlaygroundForm, PlaygroundPanels> {

    @Autowired
    PlaygroundView(TrainingService service, ObjectProvider<LabAddOn> addOns) {
        this(service, addOns, new PlaygroundForm());
    }

    private PlaygroundView(TrainingService service, ObjectProvider<LabAddOn> addOns, PlaygroundForm form) {
        this(service, addOns, form, new PlaygroundPanels(form));
    }

    private PlaygroundView(TrainingService service, ObjectProvider<LabAddOn> addOns, PlaygroundForm form,
                           PlaygroundPanels panels) {
        super(service, addOns.orderedStream(), new PlaygroundLab(panels), form, panels);
        addClassName("playground");
        panels.boundary.addGridClickListener(e -> form.data.clickPoint(e.getX(), e.getY(), e.isShift()));
        panels.diagram.addEditListener(e -> openEditor(e.layer, e.to, e.from, e.value));
        panels.chooseParameter.addClickListener(e -> openChooser());
    }

    /**
     * The keyboard's way to what a click on a link or a bias opens: pick any weight or bias from a list, then set it
     * (pauses the run like a click does). Before a run there are no weights to set: the status line says so.
     */
    void openChooser() {
        List<NetworkDiagram.Parameter> parameters = panels.diagram.parameters();
        if (panels.currentTrainer.get() == null || !training.hasRun() || parameters.isEmpty()) {
            panels.editStatus.setText(getTranslation("playground.edit.needsRun"));
            return;
        }
        if (training.isRunning()) {
            training.pause();
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("playground.edit.choose"));
        Select<NetworkDiagram.Parameter> which = new Select<>();
        which.setLabel(getTranslation("playground.edit.which"));
        which.setItems(parameters);
        which.setItemLabelGenerator(p -> p.name() + " = " + Numbers.compact(p.value()));
        which.setWidthFull();
        NumberField field = valueField(parameters.get(0).value());
        which.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                field.setValue(e.getValue().value());
            }
        });
        which.setValue(parameters.get(0));
        which.focus();
        Button apply = applyButton(dialog, field, () -> which.getValue());
        dialog.add(new Paragraph(getTranslation("playground.edit.explain")), which, field);
        dialog.getFooter().add(new Button(getTranslation("playground.edit.cancel"), e -> dialog.close()), apply);
        dialog.open();
    }

    /** Pauses the run and asks for the new value; it is applied at the next epoch boundary (step or play). */
    void openEditor(int layer, int to, int from, double value) {
        if (panels.currentTrainer.get() == null || !training.hasRun()) {
            return;
        }
        if (training.isRunning()) {
            training.pause();
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(from < 0 ? "playground.edit.bias" : "playground.edit.weight"));
        NumberField field = valueField(value);
        field.setAutofocus(true);
        Button apply = applyButton(dialog, field, () -> new NetworkDiagram.Parameter(layer, to, from, value, ""));
        dialog.add(new Paragraph(getTranslation("playground.edit.explain")), field);
        dialog.getFooter().add(new Button(getTranslation("playground.edit.cancel"), e -> dialog.close()), apply);
        dialog.open();
    }

    private NumberField valueField(double value) {
        NumberField field = new NumberField(getTranslation("playground.edit.value"));
        field.setValue(value);
        field.setStep(0.001);
        field.setWidthFull();
        return field;
    }

    /** Apply (or Enter): checks the value and queues the edit of the parameter {@code target} names. */
    private Button applyButton(Dialog dialog, NumberField field, Supplier<NetworkDiagram.Parameter> target) {
        Button apply = new Button(getTranslation("playground.edit.apply"), e -> {
            Double v = field.getValue();
            NetworkDiagram.Parameter p = target.get();
            if (v == null || !Double.isFinite(v) || Math.abs(v) > 100) {
                field.setInvalid(true);
                field.setErrorMessage(getTranslation("playground.edit.invalid"));
                return;
            }
            applyEdit(new WeightEdit(p.layer(), p.to(), p.from(), v));
            dialog.close();
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickShortcut(Key.ENTER);
        return apply;
    }

    void applyEdit(WeightEdit edit) {
        PlaygroundTrainer trainer = panels.currentTrainer.get();
        if (trainer == null) {
            return;
        }
        if (training.isRunning()) {
            training.pause();
        }
        trainer.queueEdit(edit);
        // weights set by hand: the run's figures no longer come from training alone
        LabExperiments.setProvenance(this, Provenance.EDITED);
        panels.editStatus.setText(getTranslation("playground.edit.queued"));
    }
}
