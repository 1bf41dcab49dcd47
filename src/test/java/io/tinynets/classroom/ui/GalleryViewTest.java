package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.ExperimentService;
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
}
