package io.tinynets.experiment.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ImportResult;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.training.picture.Picture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The experiment pages driven like a student: save from a lab, list, open, compare, edit, delete and undo, import. */
class ExperimentsViewTest extends KaribuTest {

    @Autowired
    ExperimentService service;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noExperimentsYet() {
        login("student.one", "STUDENT");
        jdbc.update("DELETE FROM experiment WHERE owner = ?", CurrentUser.experimentOwner());
    }

    static ExperimentDraft draft(String lab, String name, double lr, long seed) {
        double[] epochs = {1, 2, 3};
        return new ExperimentDraft(lab, name, "", List.of(), "{\"dataset\":\"xor\",\"optimizer\":{\"lr\":" + lr + "}}",
                1, seed, List.of(Curve.of("loss", epochs, new double[] {0.7, 0.4, lr}),
                Curve.of("accuracy", epochs, new double[] {0.5, 0.75, 0.975})),
                Map.of("loss", lr, "accuracy", 0.975), "{\"w\":[1,2]}",
                Picture.quantize(2, 1, new double[] {-1, 1}, -1, 1));
    }

    private long saveThroughDialog(ExperimentDraft draft, String name, String tags) {
        SaveExperimentDialog dialog = new SaveExperimentDialog(service, () -> draft);
        dialog.open();
        assertThat(dialog.form.name.getValue()).isEqualTo(draft.name());
        dialog.form.name.setValue(name);
        dialog.form.tags.setValue(tags);
        dialog.form.notes.setValue("tried " + name);
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        return service.list(CurrentUser.experimentOwner(), null).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    private ExperimentsView list() {
        UI.getCurrent().navigate("experiments");
        return _get(ExperimentsView.class);
    }

    @Test
    void saveListOpenCompareAndDeleteWithUndo() {
        long slow = saveThroughDialog(draft("activation", "suggested", 0.1, 42), "lr 0.1", "xor, adam");
        long fast = saveThroughDialog(draft("hopfield", "suggested", 0.3, 42), "lr 0.3", "xor");

        ExperimentsView view = list();
        assertThat(_size(view.grid)).isEqualTo(2);
        // training loss, then the test loss (none recorded here), then accuracy
        assertThat(_getFormattedRow(view.grid, 0)).containsSequence("lr 0.3", "xor", "0.3", "", "97.5%");
        assertThat(_getFormattedRow(view.grid, 1)).containsSequence("lr 0.1", "adam, xor", "0.1", "", "97.5%");
        assertThat(view.grid.getColumnByKey("loss").getHeaderText()).isEqualTo("Training loss");
        assertThat(view.grid.getColumnByKey("testLoss").getHeaderText()).isEqualTo("Test loss");

        // open: the detail page at its stable link, with "Open in lab" going to the lab with ?experiment=<id>
        view.grid.select(item(view, slow));
        _click(view.openButton);
        ExperimentDetailView detail = _get(ExperimentDetailView.class);
        assertThat(detail.title.getText()).isEqualTo("lr 0.1");
        assertThat(detail.curves.getSeries()).extracting(s -> s.label()).containsExactly("loss", "accuracy");
        assertThat(detail.curves.yValues(0)).containsExactly(0.7, 0.4, 0.1);
        assertThat(detail.picture.getCols()).isEqualTo(2);
        assertThat(detail.notes.getText()).isEqualTo("tried lr 0.1");
        assertThat(detail.link.getHref()).isEqualTo("experiments/" + slow);
        assertThat(detail.openInLab.isEnabled()).isTrue();
        _click(detail.openInLab);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("activation?experiment=" + slow);

        // a lab this server does not have (yet): the experiment can be viewed but not opened
        UI.getCurrent().navigate("experiments/" + fast);
        assertThat(_get(ExperimentDetailView.class).openInLab.isEnabled()).isFalse();

        // compare: overlaid curves, only the differing setting
        view = list();
        assertThat(view.compareButton.isEnabled()).isFalse();
        view.grid.select(item(view, slow));
        view.grid.select(item(view, fast));
        assertThat(view.compareButton.isEnabled()).isTrue();
        _click(view.compareButton);
        ExperimentCompareView compare = _get(ExperimentCompareView.class);
        assertThat(compare.chart.getSeries()).extracting(s -> s.label()).containsExactly("lr 0.1", "lr 0.3");
        assertThat(compare.chart.getSeries().get(0).color()).isNotEqualTo(compare.chart.getSeries().get(1).color());
        assertThat(compare.chart.yValues(1)).containsExactly(0.7, 0.4, 0.3);
        assertThat(_size(compare.differences)).isEqualTo(2);
        assertThat(_getFormattedRow(compare.differences, 0)).containsExactly("lab", "activation", "hopfield");
        assertThat(_getFormattedRow(compare.differences, 1)).containsExactly("optimizer.lr", "0.1", "0.3");
        compare.curvePicker.setValue("accuracy");
        assertThat(compare.chart.yValues(0)).containsExactly(0.5, 0.75, 0.975);

        // delete with confirmation, then undo
        view = list();
        view.grid.select(item(view, fast));
        _click(view.deleteButton);
        assertThat(view.deleteDialog.isOpened()).isTrue();
        ComponentUtil.fireEvent(view.deleteDialog, new ConfirmDialog.ConfirmEvent(view.deleteDialog, false));
        assertThat(_size(view.grid)).isEqualTo(1);
        _click(view.undoButton);
        assertThat(_size(view.grid)).isEqualTo(2);
    }

    private static ExperimentSummary item(ExperimentsView view, long id) {
        return view.grid.getListDataView().getItems().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Test
    void emptyListSaysHowToSaveAndActionsWaitForASelection() {
        ExperimentsView view = list();
        assertThat(_size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText()).contains("Save as experiment");
        assertThat(view.openButton.isEnabled()).isFalse();
        assertThat(view.exportJson.isEnabled()).isFalse();
        assertThat(view.selectionInfo.getText()).isEqualTo("Select experiments in the list to compare or export them.");
    }

    @Test
    void filtersByLabTagAndText() {
        saveThroughDialog(draft("activation", "a", 0.1, 1), "sigmoid deep", "depth");
        saveThroughDialog(draft("playground", "b", 0.2, 1), "spiral wide", "spiral");
        ExperimentsView view = list();
        assertThat(view.labFilter.getListDataView().getItems()).containsExactly("activation", "playground");
        view.tagFilter.setValue("spiral");
        assertThat(_getFormattedRow(view.grid, 0)).contains("spiral wide");
        assertThat(_size(view.grid)).isEqualTo(1);
        view.tagFilter.clear();
        view.textFilter.setValue("DEEP");
        assertThat(_size(view.grid)).isEqualTo(1);
        view.labFilter.setValue("playground");
        assertThat(_size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No experiment matches these filters.");
    }

    @Test
    void namesAreShownAsTextNotHtml() {
        String html = "<img src=x onerror=alert(1)>";
        long id = saveThroughDialog(draft("activation", "x", 0.1, 1), html, "");
        ExperimentsView view = list();
        assertThat(_getFormattedRow(view.grid, 0)).contains(html);
        UI.getCurrent().navigate("experiments/" + id);
        ExperimentDetailView detail = _get(ExperimentDetailView.class);
        assertThat(detail.title.getText()).isEqualTo(html);
        assertThat(detail.title.getElement().getChildCount()).isEqualTo(1);
        assertThat(detail.title.getElement().getChild(0).isTextNode()).isTrue();
        assertThat(detail.getPageTitle()).startsWith(html);
    }

    @Test
    void editDialogRenamesOnlyWhileValid() {
        long id = saveThroughDialog(draft("activation", "x", 0.1, 1), "old", "a");
        ExperimentsView view = list();
        view.grid.select(item(view, id));
        _click(view.editButton);
        view.editForm.name.setValue("   ");
        assertThat(view.editSave.isEnabled()).isFalse();
        assertThat(view.editForm.name.isInvalid()).isTrue();
        assertThat(view.editForm.name.getErrorMessage()).isEqualTo("The name must have 1 to 200 characters.");
        view.editForm.name.setValue("new");
        view.editForm.tags.setValue("b, c");
        view.editForm.notes.setValue("line one\nline two");
        assertThat(view.editSave.isEnabled()).isTrue();
        _click(view.editSave);
        assertThat(_getFormattedRow(view.grid, 0)).containsSequence("new", "b, c");
        assertThat(service.get(CurrentUser.experimentOwner(), id).notes()).isEqualTo("line one\nline two");
    }

    @Test
    void importAddsAnExportAndRefusesABrokenFileWithItsReason() {
        ExperimentDraft d = draft("playground", "x", 0.1, 1);
        // an import is checked by the lab's own rules: a configuration the playground accepts
        long id = saveThroughDialog(new ExperimentDraft(d.lab(), d.name(), d.notes(), d.tags(),
                PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null), 1, d.seed(), d.curves(),
                d.finalMetrics(), d.weightsJson(), d.picture()), "original", "");
        ExperimentsView view = list();
        view.grid.select(item(view, id));
        byte[] export = view.exportJsonBytes();
        NotificationsKt.clearNotifications();

        ImportResult ok = view.importFile(export);
        assertThat(ok.ok()).isTrue();
        assertThat(_size(view.grid)).isEqualTo(2);
        NotificationsKt.expectNotifications("1 experiment(s) imported.");

        String broken = new String(export, StandardCharsets.UTF_8).replace("\"schemaVersion\" : 1",
                "\"schemaVersion\" : 99");
        assertThat(view.importFile(broken.getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
        NotificationsKt.expectNotifications("This file uses export schema version 99; this server reads version 1. "
                + "Nothing was imported.");
        String wrongType = new String(export, StandardCharsets.UTF_8).replace("\"seed\" : 1,", "\"seed\" : true,");
        view.importFile(wrongType.getBytes(StandardCharsets.UTF_8));
        NotificationsKt.expectNotifications("Experiment 1 in the file: The field \"seed\" must be a whole number.");
        assertThat(_size(view.grid)).isEqualTo(2);
    }

    @Test
    void someoneElsesExperimentLinkLooksLikeAMissingOne() {
        long theirs = service.save(existingAccount("someone-else"), draft("activation", "private", 0.1, 1));
        UI.getCurrent().navigate("experiments/" + theirs);
        ExperimentDetailView detail = _get(ExperimentDetailView.class);
        assertThat(detail.problem.isVisible()).isTrue();
        assertThat(detail.problem.getText()).isEqualTo("Experiment " + theirs + " cannot be opened: it does not exist, was deleted or is not yours.");
        assertThat(detail.body.isVisible()).isFalse();
        jdbc.update("DELETE FROM experiment WHERE owner = 'someone-else'");
    }

    @Test
    void compareWithoutASelectionExplainsWhatToDo() {
        UI.getCurrent().navigate("experiments/compare");
        ExperimentCompareView compare = _get(ExperimentCompareView.class);
        assertThat(compare.problem.getText()).startsWith("Open this page from the experiments list");
        UI.getCurrent().navigate("experiments/compare", com.vaadin.flow.router.QueryParameters.of("ids", "5"));
        assertThat(_get(ExperimentCompareView.class).problem.getText())
                .isEqualTo("Select 2 to 8 experiments to compare (1 selected).");
    }

    @Test
    void saveDialogWaitsForANameAndShowsTheServicesRefusal() {
        ExperimentDraft bad = new ExperimentDraft("Bad Lab", "run", "", List.of(), "{}", 1, 1, List.of(), Map.of(),
                null, null);
        SaveExperimentDialog dialog = new SaveExperimentDialog(service, () -> bad);
        dialog.open();
        dialog.form.name.setValue("");
        assertThat(dialog.save.isEnabled()).isFalse();
        dialog.form.name.setValue("run");
        dialog.form.tags.setValue("x".repeat(31));
        assertThat(dialog.save.isEnabled()).isFalse();
        dialog.form.tags.setValue("ok");
        NotificationsKt.clearNotifications();
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        NotificationsKt.expectNotifications("The lab key \"Bad Lab\" is not valid: use 1 to 40 lowercase letters, "
                + "digits or dashes, starting with a letter.");
        assertThat(service.list(CurrentUser.experimentOwner(), null)).isEmpty();
    }

    @Test
    void importRefusalsSpeakKorean() {
        UI.getCurrent().setLocale(java.util.Locale.KOREAN);
        ExperimentsView view = list();
        NotificationsKt.clearNotifications();
        view.importFile("{\"format\":".getBytes(StandardCharsets.UTF_8));
        NotificationsKt.expectNotifications("올바른 JSON이 아닙니다 (1행 11열). 아무것도 가져오지 않았습니다.");
    }
}
