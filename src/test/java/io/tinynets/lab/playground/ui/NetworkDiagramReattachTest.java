package io.tinynets.lab.playground.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.SentCalls;
import io.tinynets.lab.playground.PlaygroundInternals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network diagram comes back drawn after navigating away and back (it sends the architecture and the last
 * weights and thumbnails again), and its thumbnails follow the one quantization rule.
 */
class NetworkDiagramReattachTest {

    @BeforeEach
    void mockUi() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theDiagramSendsItsNetworkAndStateAgainWhenAttachedAgain() {
        UI ui = UI.getCurrent();
        NetworkDiagram diagram = new NetworkDiagram();
        ui.add(diagram);
        diagram.setNetwork(new int[] {2, 1}, List.of("x1", "x2"));
        diagram.setState(internals());
        List<SentCalls.Call> first = SentCalls.drain(ui, diagram);

        ui.remove(diagram);
        assertThat(SentCalls.drain(ui, diagram)).isEmpty();
        ui.add(diagram);
        List<SentCalls.Call> again = SentCalls.drain(ui, diagram);

        assertThat(SentCalls.functions(again)).containsExactly("setNetwork", "setState");
        assertThat(again).map(SentCalls.Call::args).containsExactlyElementsOf(first.stream()
                .map(SentCalls.Call::args).toList());
    }

    @Test
    void aUnitsThumbnailIsScaledByItsLargestFiniteValueWithNanInTheMiddle() {
        byte[] bytes = Base64.getDecoder().decode(NetworkDiagram.unitBytes(
                new double[][][] {{{-2, 2, Double.NaN, Double.POSITIVE_INFINITY}}}, 2));
        assertThat(bytes).containsExactly(0, (byte) 255, (byte) 128, (byte) 255);
    }

    private static PlaygroundInternals internals() {
        return new PlaygroundInternals(new int[] {2, 1}, new double[][] {{0.5, -0.5}}, new double[][] {{0.1}}, 2,
                new double[] {0, 1, 1, 0}, 0, 1, 2, new double[][][] {{{-1, 0, 0.5, 1}}}, 1, 0.3, 0.4, 0.9, 0.8,
                null, null, 3);
    }
}
