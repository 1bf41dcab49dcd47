package io.tinynets.base.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import io.tinynets.classroom.DecayTrainer;
import io.tinynets.training.Requester;
import io.tinynets.training.RunSettings;
import io.tinynets.training.RunState;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lab as an anonymous visitor sees the fair limits: the run is created with the visitor's network address, a full
 * address is refused with the translated message naming that limit, a class member at the same address still
 * trains, and a lab left behind closes its run instead of keeping a place in those limits.
 */
class LiveTrainingLimitsTest extends KaribuTest {

    /** An address of its own, so the runs other tests leave behind on 127.0.0.1 do not count here. */
    private static final String ADDRESS = "192.0.2.55";

    @Autowired
    private TrainingService training;

    private final List<TrainingRun<?>> scripted = new ArrayList<>();

    @BeforeEach
    void fromOneAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(ADDRESS);
    }

    @AfterEach
    void cleanUp() {
        scripted.forEach(r -> training.cancel(r.ownerId(), r.id()));
        FakeHttpEnvironment.INSTANCE.setRemoteAddr("127.0.0.1");
    }

    /** Anonymous sessions of a script at the same address take every run the address may hold. */
    private void fillTheAddress() {
        int perAddress = training.limits().anonymousRunsPerAddress();
        for (int i = 0; i < perAddress; i++) {
            scripted.add(training.create(Requester.anonymous("session-script-" + (i / 3), ADDRESS), "playground",
                    DecayTrainer.FACTORY, RunSettings.seeded(i)));
        }
    }

    private static Span stateLabel(TrainingControls controls) {
        return controls.stateLabel();
    }

    @Test
    void aVisitorAtAFullAddressIsToldWhichLimitWasHitAndAMemberStillTrains() {
        fillTheAddress();
        UI.getCurrent().navigate("descent");
        TrainingControls controls = _get(TrainingControls.class);

        _click(controls.playButton());
        expectNotifications("Visitors without an account at your network address already hold 12 trainings, "
                + "the limit per address. Close a lab tab, or log in.");
        assertThat(training.runsOf(CurrentUser.trainerId())).isEmpty();
        assertThat(stateLabel(controls).getText()).isEqualTo("Ready");

        // a class member at the same address (the school's NAT) is not counted against it
        login("minji", "STUDENT");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("descent");
        TrainingControls member = _get(TrainingControls.class);
        _click(member.playButton());
        List<TrainingRun<?>> minjis = training.runsOf("minji");
        assertThat(minjis).hasSize(1);
        // trained at least one epoch; the label may already say the race ended (a descent race on an idle machine can
        // finish within the wait), but never "Ready" with a refusal
        awaitUi(Duration.ofSeconds(60), "the member's run trains",
                () -> minjis.get(0).epoch() > 0 && !stateLabel(member).getText().equals("Ready"));
        assertThat(minjis.get(0).state()).as("the member's run, " + stateLabel(member).getText())
                .isNotIn(RunState.READY, RunState.FAILED);
    }

    @Test
    void theRefusalIsInTheVisitorsLanguage() {
        fillTheAddress();
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().getSession().setLocale(Locale.KOREAN);
        UI.getCurrent().navigate("descent");
        _click(_get(TrainingControls.class).playButton());
        expectNotifications("같은 네트워크 주소의 계정 없는 방문자가 이미 주소당 한도인 12개의 학습을 열어 두었습니다. "
                + "실습 탭을 하나 닫거나 로그인하세요.");
    }

    @Test
    void aVisitorsRunCarriesTheirAddressAndIsClosedWhenTheyLeaveTheLab() {
        UI.getCurrent().navigate("descent");
        TrainingControls controls = _get(TrainingControls.class);
        _click(controls.playButton());
        String visitor = CurrentUser.trainerId();
        List<TrainingRun<?>> runs = training.runsOf(visitor);
        assertThat(runs).hasSize(1);
        // counted at this address: the address now holds one run fewer for others
        fillTheAddressUpTo(training.limits().anonymousRunsPerAddress() - 1);
        assertThat(tryOneMore()).isFalse();

        UI.getCurrent().navigate(""); // the lab is left: its run is closed, its place at the address free again
        assertThat(training.runsOf(visitor)).isEmpty();
        assertThat(runs.get(0).state()).isEqualTo(io.tinynets.training.RunState.CANCELLED);
        assertThat(tryOneMore()).isTrue();
    }

    private void fillTheAddressUpTo(int runs) {
        for (int i = 0; i < runs; i++) {
            scripted.add(training.create(Requester.anonymous("session-script-" + (i / 3), ADDRESS), "playground",
                    DecayTrainer.FACTORY, RunSettings.seeded(i)));
        }
    }

    private boolean tryOneMore() {
        try {
            scripted.add(training.create(Requester.anonymous("session-script-0", ADDRESS), "playground",
                    DecayTrainer.FACTORY, RunSettings.seeded(99)));
            return true;
        } catch (io.tinynets.training.TrainingRefusedException e) {
            return false;
        }
    }
}
