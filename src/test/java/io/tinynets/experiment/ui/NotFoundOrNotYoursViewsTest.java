package io.tinynets.experiment.ui;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.experiment.ExperimentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An experiment id tried in a URL learns nothing: someone else's experiment and a missing one (the very same id,
 * once deleted) give the same words on the compare page, the detail page and a lab's {@code ?experiment=}, in both
 * languages.
 */
class NotFoundOrNotYoursViewsTest extends KaribuTest {

    @Autowired
    ExperimentService experiments;
    @Autowired
    JdbcTemplate jdbc;
    private long mine;
    private long theirs;

    @BeforeEach
    void twoStudents() {
        login("minji", "STUDENT");
        mine = experiments.save("minji", ClassroomFixtures.draft("mine", 0.2));
        theirs = experiments.save(existingAccount("jisoo"), ClassroomFixtures.draft("hers", 0.1));
    }

    /** What each path shows for {@code theirs}, in order: compare, detail, the lab's notification. */
    private List<String> refusals() {
        UI.getCurrent().navigate("experiments/compare", QueryParameters.of("ids", mine + "," + theirs));
        ExperimentCompareView compare = _get(ExperimentCompareView.class);
        assertThat(compare.problem.isVisible()).isTrue();
        assertThat(compare.content.isVisible()).isFalse();
        UI.getCurrent().navigate("experiments/" + theirs);
        ExperimentDetailView detail = _get(ExperimentDetailView.class);
        assertThat(detail.body.isVisible()).isFalse();
        NotificationsKt.clearNotifications();
        UI.getCurrent().navigate("playground", QueryParameters.of("experiment", Long.toString(theirs)));
        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        return List.of(compare.problem.getText(), detail.problem.getText(), shown.get(0).getElement().getProperty("text"));
    }

    private void deleteTheirs() {
        jdbc.update("DELETE FROM experiment WHERE id = ?", theirs);
    }

    @Test
    void someoneElsesExperimentAndAMissingOneReadTheSameEverywhere() {
        List<String> notYours = refusals();
        assertThat(notYours).containsOnly("Experiment " + theirs
                + " cannot be opened: it does not exist, was deleted or is not yours.");
        deleteTheirs();
        assertThat(refusals()).isEqualTo(notYours);
    }

    @Test
    void andTheSameInKorean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().getSession().setLocale(Locale.KOREAN);
        List<String> notYours = refusals();
        assertThat(notYours).containsOnly("실험 " + theirs + "을(를) 열 수 없습니다. 없거나 삭제되었거나 내 실험이 아닙니다.");
        deleteTheirs();
        assertThat(refusals()).isEqualTo(notYours);
    }
}
