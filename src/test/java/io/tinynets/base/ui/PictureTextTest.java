package io.tinynets.base.ui;

import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A picture's text alternative: an image with a name from the start, the panel's title once named, and its key
 * numbers at most once a second however often they change (a logical clock stands in for time), in words from the
 * messages.
 */
class PictureTextTest extends KaribuTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void aPictureIsAnImageNamedByItsKindUntilItsPanelNamesIt() {
        Div picture = new Div();
        PictureText text = new PictureText(picture, "picture.kind.heatMap", now::get);
        assertThat(picture.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(text.label()).isNotBlank().isEqualTo(picture.getTranslation("picture.kind.heatMap"));

        text.name("Decision boundary");
        assertThat(picture.getElement().getAttribute("aria-label")).isEqualTo("Decision boundary");
        text.name("  ");
        assertThat(text.label()).as("a blank name keeps the last one").isEqualTo("Decision boundary");
    }

    @Test
    void readingsReachTheBrowserAtMostOnceASecondAndTheLatestWins() {
        Div picture = new Div();
        PictureText text = new PictureText(picture, "picture.kind.lineChart", now::get);
        text.name("Loss");
        text.reading("epoch 1: training 0.9");
        assertThat(text.label()).isEqualTo("Loss. epoch 1: training 0.9");

        now.addAndGet(100_000_000L);
        text.reading("epoch 2: training 0.8");
        now.addAndGet(100_000_000L);
        text.reading("epoch 3: training 0.7");
        assertThat(text.label()).as("held back within the second").isEqualTo("Loss. epoch 1: training 0.9");

        now.addAndGet(PictureText.INTERVAL_NANOS);
        text.reading("epoch 14: training 0.5");
        assertThat(text.label()).isEqualTo("Loss. epoch 14: training 0.5");

        now.addAndGet(1_000_000L);
        text.reading("epoch 15: training 0.49");
        text.flush();
        assertThat(text.label()).as("flush sends what was held").isEqualTo("Loss. epoch 15: training 0.49");
    }

    @Test
    void aLineChartSaysItsLatestPointOfEverySeries() {
        LineChart chart = new LineChart("epoch", "loss");
        chart.setSeries(java.util.List.of(new LineChart.Series("training", "#000"),
                new LineChart.Series("test", "#111")));
        chart.pictureText().name("Loss");
        chart.appendPoints(0, new double[] {1, 2}, new double[] {0.9, 0.25});
        assertThat(chart.pictureText().label()).isEqualTo("Loss. epoch 2: training 0.25");
    }

    /** A picture on the test's clock. */
    private final class ClockedPicture extends Div implements PictureText.Described {
        private final PictureText text = new PictureText(this, "picture.kind.lineChart", now::get);

        @Override
        public PictureText pictureText() {
            return text;
        }
    }

    @Test
    void aStoppedRunsLastReadingIsSentAtOnceToPicturesInsideContainers() {
        ClockedPicture picture = new ClockedPicture();
        Div panels = new Div(new Div(picture));
        picture.pictureText().name("Loss");
        picture.pictureText().reading("epoch 1: training 0.9");
        now.addAndGet(200_000_000L);
        picture.pictureText().reading("epoch 2: training 0.8");
        assertThat(picture.pictureText().label()).isEqualTo("Loss. epoch 1: training 0.9");

        PictureText.flushAll(panels);
        assertThat(picture.pictureText().label()).isEqualTo("Loss. epoch 2: training 0.8");
    }

    @Test
    void nameAllReachesPicturesInsideContainers() {
        HeatMap map = new HeatMap(100);
        Div plot = new Div(map);
        PictureText.nameAll("Loss surface", new Div(plot));
        assertThat(map.pictureText().label()).isEqualTo("Loss surface");
        map.setValueLabel("loss f");
        map.setGrid(2, 1, new double[] {-0.5, 2}, -1, 3);
        assertThat(map.pictureText().label()).isEqualTo("Loss surface. loss f from -0.5 to 2");
    }
}
