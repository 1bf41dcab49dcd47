package io.tinynets.lab.descent.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.SentCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The racers' paths come back drawn after navigating away and back: the overlay sends them again. */
class PathOverlayReattachTest {

    @BeforeEach
    void mockUi() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theOverlaySendsItsDomainMinimaPathsAndArrowsAgainWhenAttachedAgain() {
        UI ui = UI.getCurrent();
        PathOverlay overlay = new PathOverlay(300);
        ui.add(overlay);
        overlay.setDomain(-3, 3, -2, 2);
        overlay.setMinima(List.of(new double[] {1, 1}));
        overlay.setPaths(List.of("#f00"));
        overlay.appendPaths(List.<double[][]>of(new double[][] {{0, 0}, {0.5, 0.25}}));
        List<double[]> arrows = new ArrayList<>();
        arrows.add(new double[] {0.5, 0.25, 1, 0, 0, 1});
        overlay.setArrows(arrows);
        SentCalls.drain(ui);

        ui.remove(overlay);
        assertThat(SentCalls.drain(ui, overlay)).isEmpty();
        ui.add(overlay);
        List<SentCalls.Call> again = SentCalls.drain(ui, overlay);

        assertThat(SentCalls.functions(again)).containsExactly("setDomain", "setMinima", "setPaths", "appendPaths",
                "setArrows");
        assertThat(again.get(0).args()).containsExactly(-3.0, 3.0, -2.0, 2.0);
        assertThat(again.get(3).args()).containsExactly("[[0,0,0.5,0.25]]");
        assertThat(again.get(4).args()).containsExactly("[[0.5,0.25,1,0,0,1]]");
    }
}
