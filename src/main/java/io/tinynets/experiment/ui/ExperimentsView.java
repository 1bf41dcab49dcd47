package io.tinynets.experiment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tinynets.base.ui.BoundedUpload;
import io.tinynets.base.ui.CurrentUser;
import io.tinynets.experiment.BackupService;
import io.tinynets.experiment.ExperimentFilter;
import io.tinynets.experiment.ExperimentLimits;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.experiment.ImportResult;
import io.tinynets.training.TranslatableProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The student's saved experiments: filter by lab, tag or text, sort, open, edit name/notes/tags, delete (with undo),
 * compare 2–8, export as JSON or curves CSV, import a JSON export, and back up the database.
 */
@jakarta.annotation.security.PermitAll
@Route("experiments")
@Menu(title = "nav.experiments", order = 7, icon = "vaadin:archive")
class ExperimentsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ExperimentsView.class);

    static final int UNDO_MILLIS = 8_000;

    final ComboBox<String> labFilter = new ComboBox<>();
    final ComboBox<String> tagFilter = new ComboBox<>();
    final TextField textFilter = new TextField();
    final Grid<ExperimentSummary> grid = new Grid<>();
    final Span selectionInfo = new Span();
    final Button openButton = new Button();
    final Button editButton = new Button();
    final Button deleteButton = new Button();
    final Button compareButton = new Button();
    final Anchor exportJson = new Anchor();
    final Anchor exportCsv = new Anchor();
    final Upload upload;
    final Button backupButton = new Button();
    /** The open delete confirmation, the open edit dialog and the last undo button, for tests. */
    ConfirmDialog deleteDialog;
    Dialog editDialog;
    DescriptionForm editForm;
    Button editSave;
    Button undoButton;

    private final ExperimentService service;
    private final BackupService backups;
    private final String user = CurrentUser.experimentOwner();

    ExperimentsView(ExperimentService service, BackupService backups) {
        this.service = service;
        this.backups = backups;
        setSizeFull();
        addClassName("lab-view");
        addClassName("experiments-view");
        add(new H2(getTranslation("experiments.title")), new Paragraph(getTranslation("experiments.intro")));
        // the import's limit is enforced on the server while the file streams in, not only announced to the browser
        upload = BoundedUpload.control(ExperimentLimits.IMPORT_MAX_BYTES, this::importFile,
                this::importTooLarge);
        add(configureFilters(), configureActions(), configureGrid(), configureTransfer());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("experiments.title") + " · " + getTranslation("app.name");
    }

    private HorizontalLayout configureFilters() {
        labFilter.setLabel(getTranslation("experiments.filter.lab"));
        labFilter.setItemLabelGenerator(lab -> LabRoutes.name(UI.getCurrent(), lab));
        labFilter.setClearButtonVisible(true);
        labFilter.addValueChangeListener(e -> refresh());
        tagFilter.setLabel(getTranslation("experiments.filter.tag"));
        tagFilter.setClearButtonVisible(true);
        tagFilter.addValueChangeListener(e -> refresh());
        textFilter.setLabel(getTranslation("experiments.filter.text"));
        textFilter.setPlaceholder(getTranslation("experiments.filter.text.placeholder"));
        textFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);
        textFilter.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(labFilter, tagFilter, textFilter);
        filters.addClassName("experiment-filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private HorizontalLayout configureActions() {
        action(openButton, "experiments.open", VaadinIcon.EYE, "experiments.open.tooltip");
        openButton.addClickListener(e -> single().ifPresent(s -> UI.getCurrent().navigate("experiments/" + s.id())));
        action(editButton, "experiments.editNotes", VaadinIcon.EDIT, "experiments.rename");
        editButton.addClickListener(e -> single().ifPresent(this::openEditor));
        action(deleteButton, "experiments.delete", VaadinIcon.TRASH, "experiments.delete.tooltip");
        deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteButton.addClickListener(e -> single().ifPresent(this::confirmDelete));
        action(compareButton, "experiments.compare", VaadinIcon.LINE_CHART, "experiments.compare.tooltip");
        compareButton.addClickListener(e -> compare());
        HorizontalLayout actions = new HorizontalLayout(openButton, editButton, deleteButton, compareButton,
                selectionInfo);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        actions.addClassName("experiment-actions");
        return actions;
    }

    private void action(Button b, String key, VaadinIcon icon, String tooltipKey) {
        b.setText(getTranslation(key));
        b.setIcon(icon.create());
        b.setTooltipText(getTranslation(tooltipKey));
    }

    private Grid<ExperimentSummary> configureGrid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        nameSelectionCheckboxes();
        grid.addComponentColumn(s -> LabRoutes.icon(UI.getCurrent(), s.lab()))
                .setHeader(getTranslation("experiments.column.lab")).setComparator(ExperimentSummary::lab)
                .setFlexGrow(0).setWidth("5rem").setKey("lab");
        // a value provider renders plain text: names can never inject HTML
        grid.addColumn(ExperimentSummary::name).setHeader(getTranslation("experiments.column.name"))
                .setComparator(s -> s.name().toLowerCase()).setFlexGrow(3).setKey("name");
        grid.addColumn(s -> String.join(", ", s.tags())).setHeader(getTranslation("experiments.column.tags"))
                .setFlexGrow(2).setKey("tags");
        grid.addColumn(s -> ExperimentTexts.number(s.finalLoss()))
                .setHeader(getTranslation("experiments.column.loss"))
                .setComparator(Comparator.comparing(ExperimentSummary::finalLoss,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .setKey("loss");
        // the test loss beside it: an assignment's goal is usually judged on it, and it can be far from the training
        // loss (a network that learned its training points by heart)
        grid.addColumn(s -> ExperimentTexts.number(s.finalMetrics().get(LabExperimentSupport.TEST_LOSS)))
                .setHeader(getTranslation("experiments.column.testLoss"))
                .setComparator(Comparator.comparing(s -> s.finalMetrics().get(LabExperimentSupport.TEST_LOSS),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .setKey("testLoss");
        grid.addColumn(s -> ExperimentTexts.percent(s.finalAccuracy(), getLocale()))
                .setHeader(getTranslation("experiments.column.accuracy"))
                .setComparator(Comparator.comparing(ExperimentSummary::finalAccuracy,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .setKey("accuracy");
        var date = grid.addColumn(s -> ExperimentTexts.date(s.createdAt(), getLocale()))
                .setHeader(getTranslation("experiments.column.date"))
                .setComparator(ExperimentSummary::createdAt).setFlexGrow(2).setKey("date");
        grid.getColumns().forEach(c -> c.setSortable(c.getKey() != null && !"tags".equals(c.getKey())));
        grid.sort(List.of(new GridSortOrder<>(date, SortDirection.DESCENDING)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        grid.setHeight("28rem");
        grid.addItemDoubleClickListener(e -> UI.getCurrent().navigate("experiments/" + e.getItem().id()));
        grid.addSelectionListener(e -> updateActions());
        return grid;
    }

    private HorizontalLayout configureTransfer() {
        exportJson.setText(getTranslation("experiments.export.json"));
        exportJson.setTitle(getTranslation("experiments.export.json.tooltip"));
        exportJson.setHref(download("tinynets-experiments.json", "application/json", this::exportJsonBytes));
        exportCsv.setText(getTranslation("experiments.export.csv"));
        exportCsv.setTitle(getTranslation("experiments.export.csv.tooltip"));
        exportCsv.setHref(download("tinynets-curves.csv", "text/csv",
                () -> service.exportCsv(user, selectedIds()).getBytes(StandardCharsets.UTF_8)));
        exportJson.addClassName("experiment-download");
        exportCsv.addClassName("experiment-download");

        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setDropAllowed(true);
        Button uploadButton = new Button(getTranslation("experiments.import"), VaadinIcon.UPLOAD.create());
        uploadButton.setTooltipText(getTranslation("experiments.import.tooltip"));
        upload.setUploadButton(uploadButton);
        upload.addFileRejectedListener(e -> ExperimentTexts.error(getTranslation("experiments.import.rejected")));

        backupButton.setText(getTranslation("experiments.backup"));
        backupButton.setIcon(VaadinIcon.DATABASE.create());
        backupButton.setTooltipText(getTranslation("experiments.backup.tooltip"));
        backupButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        backupButton.addClickListener(e -> backup());
        // the backup holds every user's data: the admin's tool only
        backupButton.setVisible(backups.supported() && CurrentUser.hasRole("ADMIN"));

        HorizontalLayout row = new HorizontalLayout(exportJson, exportCsv, upload, backupButton);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        row.addClassName("experiment-transfer");
        return row;
    }

    private DownloadHandler download(String fileName, String type, Supplier<byte[]> content) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = content.get();
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
            } catch (RuntimeException e) {
                return DownloadResponse.error(400, e.getMessage());
            }
        });
    }

    /** Reloads the list for the current filters, keeping what is still there selected. */
    void refresh() {
        List<Long> selected = selectedIds();
        ExperimentFilter filter = new ExperimentFilter(labFilter.getValue(), tagFilter.getValue(),
                textFilter.getValue());
        List<ExperimentSummary> rows = service.list(user, filter);
        grid.setItems(rows);
        rows.stream().filter(r -> selected.contains(r.id())).forEach(grid::select);
        boolean filtered = labFilter.getValue() != null || tagFilter.getValue() != null
                || !textFilter.getValue().isBlank();
        grid.setEmptyStateText(getTranslation(filtered ? "experiments.empty.filtered" : "experiments.empty"));
        List<String> labs = service.labs(user);
        if (!labs.equals(labFilter.getListDataView().getItems().toList())) {
            String current = labFilter.getValue();
            labFilter.setItems(labs);
            labFilter.setValue(labs.contains(current) ? current : null);
        }
        List<String> tags = service.tags(user);
        if (!tags.equals(tagFilter.getListDataView().getItems().toList())) {
            String current = tagFilter.getValue();
            tagFilter.setItems(tags);
            tagFilter.setValue(tags.contains(current) ? current : null);
        }
        updateActions();
    }

    /**
     * Vaadin 24.9's selection column leaves its row checkboxes without a name and puts the select-all name on the
     * checkbox element, where it names nothing (vaadin/web-components#10944, fixed with an API only in later
     * versions): name the native inputs, for the rows drawn now and every row the grid draws later.
     */
    private void nameSelectionCheckboxes() {
        grid.getElement().executeJs("""
                const name = () => this.querySelectorAll('vaadin-checkbox').forEach(c => {
                  const input = c.querySelector('input');
                  if (!input) return;
                  const label = c.id === 'selectAllCheckbox' ? $0 : $1;
                  if (input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
                  if (c.hasAttribute('aria-label')) c.removeAttribute('aria-label');
                });
                new MutationObserver(name).observe(this, { subtree: true, childList: true, attributes: true,
                    attributeFilter: ['aria-label'] });
                name();""", getTranslation("experiments.select.all"), getTranslation("experiments.select.row"));
    }

    private void updateActions() {
        int n = grid.getSelectedItems().size();
        openButton.setEnabled(n == 1);
        editButton.setEnabled(n == 1);
        deleteButton.setEnabled(n == 1);
        compareButton.setEnabled(n >= ExperimentLimits.COMPARE_MIN && n <= ExperimentLimits.COMPARE_MAX);
        exportJson.setEnabled(n >= 1);
        exportCsv.setEnabled(n >= 1);
        // a disabled link is no control for assistive technology either (nor asked by axe for contrast)
        exportJson.getElement().setAttribute("aria-disabled", String.valueOf(n < 1));
        exportCsv.getElement().setAttribute("aria-disabled", String.valueOf(n < 1));
        selectionInfo.setText(n == 0 ? getTranslation("experiments.selected.none")
                : getTranslation("experiments.selected.count", n));
    }

    List<Long> selectedIds() {
        return grid.getSelectedItems().stream().map(ExperimentSummary::id).sorted().toList();
    }

    private java.util.Optional<ExperimentSummary> single() {
        return grid.getSelectedItems().size() == 1 ? grid.getSelectedItems().stream().findFirst()
                : java.util.Optional.empty();
    }

    void openEditor(ExperimentSummary s) {
        editDialog = new Dialog(getTranslation("experiments.notes.header"));
        editForm = new DescriptionForm(this, new DescriptionForm.Description(s.name(), s.tags(), s.notes()));
        VerticalLayout fields = new VerticalLayout(editForm.name, editForm.tags, editForm.notes);
        fields.setPadding(false);
        fields.setWidth("28rem");
        fields.setMaxWidth("100%");
        editDialog.add(fields);
        editSave = new Button(getTranslation("experiments.save"), e -> saveEdit(s.id()));
        editSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        editForm.binder.addStatusChangeListener(e -> editSave.setEnabled(editForm.binder.isValid()));
        Button cancel = new Button(getTranslation("experiments.cancel"), e -> editDialog.close());
        editDialog.getFooter().add(cancel, editSave);
        editDialog.open();
    }

    private void saveEdit(long id) {
        if (!editForm.valid()) {
            return;
        }
        var d = editForm.bean();
        if (run(() -> service.describe(user, id, d.name(), d.notes(), d.tagList()))) {
            editDialog.close();
            refresh();
        }
    }

    void confirmDelete(ExperimentSummary s) {
        deleteDialog = new ConfirmDialog();
        deleteDialog.setHeader(getTranslation("experiments.delete.header", s.name()));
        deleteDialog.setText(getTranslation("experiments.delete.text"));
        deleteDialog.setCancelable(true);
        deleteDialog.setCancelText(getTranslation("experiments.cancel"));
        deleteDialog.setConfirmText(getTranslation("experiments.delete"));
        deleteDialog.setConfirmButtonTheme("error primary");
        deleteDialog.addConfirmListener(e -> delete(s));
        deleteDialog.open();
    }

    private void delete(ExperimentSummary s) {
        if (!run(() -> service.delete(user, s.id()))) {
            return;
        }
        grid.deselectAll();
        refresh();
        Notification n = new Notification();
        n.setDuration(UNDO_MILLIS);
        n.setPosition(Notification.Position.BOTTOM_START);
        undoButton = new Button(getTranslation("experiments.undo"), e -> {
            n.close();
            undo(s);
        });
        undoButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout content = new HorizontalLayout(new Span(getTranslation("experiments.deleted", s.name())),
                undoButton);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        n.add(content);
        n.open();
    }

    private void undo(ExperimentSummary s) {
        if (run(() -> service.undoDelete(user, s.id()))) {
            refresh();
            ExperimentTexts.success(getTranslation("experiments.restored", s.name()));
        }
    }

    private void compare() {
        List<Long> ids = selectedIds();
        UI.getCurrent().navigate("experiments/compare", QueryParameters.of("ids",
                ids.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    byte[] exportJsonBytes() {
        return service.exportJson(user, selectedIds());
    }

    /** The upload was refused on the server for its size (the browser's own check was bypassed). */
    private void importTooLarge() {
        upload.clearFileList();
        ExperimentTexts.error(getTranslation("upload.tooLarge", BoundedUpload.size(ExperimentLimits.IMPORT_MAX_BYTES)));
    }

    /** What the upload hands over: imports the file, or shows exactly why nothing was imported. */
    ImportResult importFile(byte[] bytes) {
        ImportResult result = service.importFile(user, bytes);
        upload.clearFileList();
        if (result.ok()) {
            ExperimentTexts.success(getTranslation("experiments.imported", result.savedIds().size()));
            refresh();
        } else {
            ExperimentTexts.error(ExperimentTexts.problem(this, result.problem()));
        }
        return result;
    }

    private void backup() {
        try {
            Path file = backups.backupNow(CurrentUser.experimentOwner());
            ExperimentTexts.success(getTranslation("experiments.backup.done", file.toString()));
        } catch (BackupService.AdminOnlyException e) {
            ExperimentTexts.error(ExperimentTexts.problem(this, e));
        } catch (UnsupportedOperationException e) {
            ExperimentTexts.error(getTranslation("experiments.backup.unsupported"));
        } catch (RuntimeException e) {
            // a full disk or an unwritable data folder: say so, the database itself is untouched
            log.warn("database backup failed", e);
            ExperimentTexts.error(getTranslation("experiments.backup.failed", String.valueOf(e.getMessage())));
        }
    }

    /** Runs a service call; a refusal becomes a translated notification (and false), never a stack trace. */
    private boolean run(Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            if (e instanceof TranslatableProblem p) {
                ExperimentTexts.error(ExperimentTexts.problem(this, p));
                refresh();
                return false;
            }
            throw e;
        }
    }
}
