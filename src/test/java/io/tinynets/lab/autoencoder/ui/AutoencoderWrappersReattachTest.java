package io.tinynets.lab.autoencoder.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.SentCalls;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.training.picture.Quantizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The latent plane and the image grid come back drawn after navigating away and back: they send their state again. */
class AutoencoderWrappersReattachTest {

    private UI ui;

    @BeforeEach
    void mockUi() {
        MockVaadin.setup();
        ui = UI.getCurrent();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theLatentPlaneSendsItsClassesPointsPickAndPathAgain() {
        LatentPlane plane = new LatentPlane(200);
        ui.add(plane);
        plane.setClasses(List.of("0", "1"), List.of("#000", "#fff"));
        plane.setPoints(-1, 1, -2, 2, new double[] {-1, 1, Double.NaN}, new double[] {2, -2, 5}, new int[] {0, 1, 1});
        plane.setPick(0.5, -0.5);
        plane.setPath(new double[] {0, 0, 1, 1});
        List<SentCalls.Call> first = SentCalls.drain(ui, plane);

        List<SentCalls.Call> again = detachAndAttach(plane);

        assertThat(SentCalls.functions(again)).containsExactly("setClasses", "setPoints", "setPick", "setPath");
        assertThat(again).map(SentCalls.Call::args).containsExactlyElementsOf(first.stream()
                .map(SentCalls.Call::args).toList());
        // x, y, class per point on the one scale: the ends, and NaN in the middle
        assertThat(Base64.getDecoder().decode((String) again.get(1).args().get(4)))
                .containsExactly(0, (byte) 255, 0, (byte) 255, 0, 1, (byte) 128, (byte) 255, 1);
    }

    @Test
    void theImageGridSendsItsImagesAndRowLabelsAgain() {
        ImageGrid grid = new ImageGrid(20);
        ui.add(grid);
        grid.setRowLabels(List.of("input", "output"));
        grid.setImages(2, 1, 2, 1, new byte[] {0, (byte) 255, 10, 20});
        List<SentCalls.Call> first = SentCalls.drain(ui, grid);

        List<SentCalls.Call> again = detachAndAttach(grid);

        assertThat(SentCalls.functions(again)).containsExactlyInAnyOrder("setRowLabels", "setImages");
        assertThat(again).map(SentCalls.Call::args).containsExactlyInAnyOrderElementsOf(first.stream()
                .map(SentCalls.Call::args).toList());
    }

    @Test
    void imagePixelsUseTheOneQuantization() {
        for (double v : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.5, 0, 0.5, 1, 3,
                Double.POSITIVE_INFINITY}) {
            assertThat(AutoencoderInternals.quantize(v)).as("pixel " + v).isEqualTo(Quantizer.quantize(v, 0, 1));
        }
        assertThat(AutoencoderInternals.quantize(Double.NaN)).isEqualTo(Quantizer.NAN_BYTE);
    }

    @Test
    void wrappersThatWereNeverFilledSendNothingWhenAttachedAgain() {
        LatentPlane plane = new LatentPlane(200);
        ImageGrid grid = new ImageGrid(20);
        ui.add(plane, grid);
        SentCalls.drain(ui);
        ui.remove(plane, grid);
        SentCalls.drain(ui);
        ui.add(plane, grid);
        assertThat(SentCalls.drain(ui)).isEmpty();
    }

    private List<SentCalls.Call> detachAndAttach(Component c) {
        ui.remove(c);
        assertThat(SentCalls.drain(ui, c)).as("nothing reaches a detached element").isEmpty();
        ui.add(c);
        return SentCalls.drain(ui, c);
    }
}
