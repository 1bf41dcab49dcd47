package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.Dates;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.GalleryEntry;
import io.tinynets.classroom.GalleryService;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.Experiment;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.experiment.ExperimentSummary;
import io.tinynets.training.picture.Picture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class GalleryViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GalleryService gallery;
    private SchoolClass a;

    @BeforeEach
    void classOfTwo() {
        jdbc.update("DELETE FROM experiment");
        a = ClassroomFixtures.kimsClass(jdbc, accounts, classes, "minji", "hana");
    }

    @Test
    void aStudentSharesAndAClassmateOpensIt() {
        experiments.save("minji", ClassroomFixtures.draft("my spiral", 0.02));
        login("minji", "STUDENT");
        UI.getCurrent().navigate("gallery");
        GalleryView view = _get(GalleryView.class);
        assertThat(view.classSelect.getValue().name()).isEqualTo("3-A");
        assertThat(_size(view.grid)).isZero();
        assertThat(view.share.isEnabled()).isFalse();
        view.mine.setValue(view.mine.getListDataView().getItem(0));
        _click(view.share);
        assertThat(_size(view.grid)).isEqualTo(1);

        logout();
        login("hana", "STUDENT");
        UI.getCurrent().navigate("gallery");
        GalleryView hana = _get(GalleryView.class);
        assertThat(_getFormattedRow(hana.grid, 0)).startsWith("my spiral", "Activation explorer", "Minji");
        hana.open(hana.grid.getListDataView().getItem(0));
        assertThat(hana.opened.isOpened()).isTrue();
        assertThat(hana.openedCurves.yValues(0)).containsExactly(0.5, 0.02);
    }

    @Test
    void aSharedRunShowsItsSettingsPictureAndFiguresAndOpensAsTheViewersOwnCopy() {
        Picture boundary = Picture.quantize(2, 2, new double[] {-1, 0.5, 0.25, 1}, -1, 1);
        long shared = experiments.save("minji", new ExperimentDraft("activation", "my spiral", "tried tanh", List.of(),
                "{\"version\":1,\"optimizer\":{\"lr\":0.03},\"hidden\":[4,2]}", 1, 11,
                List.of(Curve.of("train loss", new double[] {1, 2}, new double[] {0.5, 0.02})),
                Map.of("loss", 0.02, "test loss", 0.04), null, boundary));
        gallery.share("minji", shared, a.id());
        login("hana", "STUDENT");
        UI.getCurrent().navigate("gallery");
        GalleryView hana = _get(GalleryView.class);
        GalleryEntry entry = hana.grid.getListDataView().getItem(0);
        assertThat(_getFormattedRow(hana.grid, 0).get(3)).isEqualTo(Dates.dateTime(entry.sharedAt(), Locale.ENGLISH));
        hana.open(entry);
        assertThat(hana.opened.getHeaderTitle()).isEqualTo("my spiral · Minji");
        assertThat(hana.openedPicture.getCols()).isEqualTo(2);
        assertThat(hana.openedPicture.valueAt(1, 0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(hana.openedFigures.getText()).isEqualTo("Training loss 0.02000 · test loss 0.04000");
        assertThat(_size(hana.openedSettings)).isEqualTo(2); // the format version is no setting
        assertThat(_getFormattedRow(hana.openedSettings, 0)).containsExactly("Optimizer › lr", "0.03");
        assertThat(_getFormattedRow(hana.openedSettings, 1).get(1)).isEqualTo("[4,2]");

        hana.openInLab(entry);
        List<ExperimentSummary> mine = experiments.list("hana", null);
        assertThat(mine).singleElement().satisfies(copy -> {
            assertThat(copy.name()).isEqualTo("my spiral (Minji)");
            assertThat(copy.notes()).startsWith("[gallery #" + shared + "] Minji").endsWith("tried tanh");
        });
        Experiment copy = experiments.get("hana", mine.get(0).id());
        assertThat(copy.configJson()).isEqualTo(experiments.get("minji", shared).configJson());
        assertThat(copy.seed()).isEqualTo(11);
        assertThat(copy.picture()).isEqualTo(boundary);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("activation?experiment=" + copy.id());
        // opening it again gives the same copy, not another; the classmate's original is untouched
        assertThat(gallery.copyForViewer("hana", shared)).isEqualTo(copy.id());
        assertThat(experiments.list("hana", null)).hasSize(1);
        assertThat(experiments.get("minji", shared).name()).isEqualTo("my spiral");
        // and someone outside the class cannot copy it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gallery.copyForViewer("lee", shared))
                .isInstanceOf(io.tinynets.classroom.ClassroomException.class);
    }
}
