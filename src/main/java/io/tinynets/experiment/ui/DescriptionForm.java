package io.tinynets.experiment.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.tinynets.experiment.ExperimentLimits;

import java.util.Arrays;
import java.util.List;

/** Name, tags and notes of an experiment with field-level checks: shared by the save and the edit dialog. */
final class DescriptionForm {

    /** What the fields edit. */
    static final class Description {
        private String name = "";
        private String tags = "";
        private String notes = "";

        Description(String name, List<String> tags, String notes) {
            this.name = name == null ? "" : name;
            this.tags = String.join(", ", tags);
            this.notes = notes == null ? "" : notes;
        }

        String name() {
            return name;
        }

        String notes() {
            return notes;
        }

        List<String> tagList() {
            return parseTags(tags);
        }
    }

    final TextField name = new TextField();
    final TextField tags = new TextField();
    final TextArea notes = new TextArea();
    final Binder<Description> binder = new Binder<>();

    DescriptionForm(com.vaadin.flow.component.Component host, Description description) {
        name.setLabel(host.getTranslation("experiments.name"));
        name.setTooltipText(host.getTranslation("experiments.name.tooltip"));
        name.setMaxLength(ExperimentLimits.NAME_MAX);
        name.setWidthFull();
        name.setValueChangeMode(ValueChangeMode.EAGER);
        tags.setLabel(host.getTranslation("experiments.tags"));
        tags.setHelperText(host.getTranslation("experiments.tags.helper"));
        tags.setWidthFull();
        tags.setValueChangeMode(ValueChangeMode.EAGER);
        notes.setLabel(host.getTranslation("experiments.notes"));
        notes.setTooltipText(host.getTranslation("experiments.notes.tooltip"));
        notes.setMaxLength(ExperimentLimits.NOTES_MAX);
        notes.setWidthFull();
        notes.setMinHeight("6rem");
        notes.setValueChangeMode(ValueChangeMode.EAGER);

        binder.forField(name)
                .asRequired(host.getTranslation("experiments.invalid.name", ExperimentLimits.NAME_MAX))
                .withValidator(v -> !v.isBlank() && v.strip().length() <= ExperimentLimits.NAME_MAX,
                        host.getTranslation("experiments.invalid.name", ExperimentLimits.NAME_MAX))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(tags)
                .withValidator(v -> parseTags(v).stream().allMatch(t -> t.length() <= ExperimentLimits.TAG_MAX),
                        host.getTranslation("experiments.invalid.tag", "…", ExperimentLimits.TAG_MAX))
                .withValidator(v -> parseTags(v).stream().distinct().count() <= ExperimentLimits.TAGS_MAX,
                        host.getTranslation("experiments.invalid.tagCount", "> " + ExperimentLimits.TAGS_MAX,
                                ExperimentLimits.TAGS_MAX))
                .bind(d -> d.tags, (d, v) -> d.tags = v);
        binder.forField(notes)
                .withValidator(v -> v.length() <= ExperimentLimits.NOTES_MAX,
                        host.getTranslation("experiments.invalid.notes", "> " + ExperimentLimits.NOTES_MAX,
                                ExperimentLimits.NOTES_MAX))
                .bind(d -> d.notes, (d, v) -> d.notes = v);
        binder.setBean(description);
    }

    Description bean() {
        return binder.getBean();
    }

    boolean valid() {
        return binder.validate().isOk();
    }

    static List<String> parseTags(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
