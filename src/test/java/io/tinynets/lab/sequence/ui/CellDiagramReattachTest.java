package io.tinynets.lab.sequence.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.SentCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cell diagram comes back annotated after navigating away and back: it sends its last step again. */
class CellDiagramReattachTest {

    @BeforeEach
    void mockUi() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theCellDiagramSendsItsLastStepAgainWhenAttachedAgain() {
        UI ui = UI.getCurrent();
        CellDiagram diagram = new CellDiagram();
        ui.add(diagram);
        diagram.setStep("gru", "t = 3, unit 1", new double[] {0.25, 0.5, -0.125, 0.1, 0.2});
        List<SentCalls.Call> first = SentCalls.drain(ui, diagram);

        ui.remove(diagram);
        assertThat(SentCalls.drain(ui, diagram)).isEmpty();
        ui.add(diagram);
        List<SentCalls.Call> again = SentCalls.drain(ui, diagram);

        assertThat(SentCalls.functions(again)).containsExactly("setStep");
        assertThat(again.get(0).args()).containsExactlyElementsOf(first.get(0).args());
        assertThat(again.get(0).args()).containsExactly("gru", "t = 3, unit 1", "[0.25,0.5,-0.125,0.1,0.2]");
    }
}
