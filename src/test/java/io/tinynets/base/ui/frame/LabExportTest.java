package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.LineChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame's downloads: every lab lists its pictures as PNG and its charts as CSV, and the CSV holds the curves. */
class LabExportTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private static LabFrame<Object, Object, ?, ?> open(String route) {
        UI.getCurrent().navigate(route);
        return (LabFrame<Object, Object, ?, ?>) UI.getCurrent().getCurrentView();
    }

    private static List<String> items(LabFrame<?, ?, ?, ?> lab) {
        return lab.export.menu.getItems().get(0).getSubMenu().getItems().stream().map(MenuItem::getText).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"playground", "depth", "descent", "sequence", "autoencoder"})
    void everyLabListsItsPicturesItsCurvesAndTheHandout(String route) {
        LabFrame<Object, Object, ?, ?> lab = open(route);
        List<PanelPictures.Picture> pictures = lab.panels.pictures();
        assertThat(pictures).as("pictures of " + route).isNotEmpty();
        assertThat(pictures).allSatisfy(p -> assertThat(p.title()).isNotBlank());
        long charts = pictures.stream().mapToLong(p -> p.charts().size()).sum();
        assertThat(charts).as("every lab draws a curve").isPositive();
        List<String> items = items(lab);
        assertThat(items.stream().filter(t -> t.startsWith("Picture: ") && t.endsWith(" (PNG)")))
                .hasSize(pictures.size());
        assertThat(items.stream().filter(t -> t.startsWith("Curves: ") && t.endsWith(" (CSV)"))).hasSize((int) charts);
        assertThat(items).last().isEqualTo("Print a handout");
    }

    @Test
    void thePlaygroundsPicturesAreItsDiagramMapAndCurves() {
        LabFrame<Object, Object, ?, ?> lab = open("playground");
        assertThat(lab.panels.pictures()).extracting(PanelPictures.Picture::title)
                .containsExactly("Network", "Decision", "Loss", "Accuracy");
        assertThat(items(lab)).containsExactly("Picture: Network (PNG)", "Picture: Decision (PNG)",
                "Picture: Loss (PNG)", "Picture: Accuracy (PNG)", "Curves: Loss (CSV)", "Curves: Accuracy (CSV)",
                "Print a handout");
    }

    @Test
    void aPngIsComposedInTheBrowserFromThePicturesBoxUnderTheLabsName() {
        LabFrame<Object, Object, ?, ?> lab = open("playground");
        PanelPictures.Picture loss = lab.panels.pictures().get(2);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        lab.export.png(loss);
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> calls = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        // element.executeJs wraps the script in a function applied to the element
        assertThat(calls).filteredOn(c -> c.getInvocation().getExpression().contains("const box = this, fileName"))
                .singleElement().satisfies(c -> assertThat(c.getInvocation().getParameters())
                        .containsExactlyInAnyOrder("playground-loss.png", loss.box().getElement()));
        assertThat(lab.export.fileName("손실 · 곡선 (1)", "png")).isEqualTo("playground-손실-곡선-1.png");
    }

    @Test
    void theCsvHoldsTheTrainedCurvesByEpochWithTheLegendsNames() {
        LabFrame<Object, Object, ?, ?> lab = open("playground");
        LineChart loss = lab.panels.pictures().get(2).charts().get(0);
        try {
            assertThat(lab.ensureRun()).isTrue();
            lab.training.step(5);
            awaitUi(Duration.ofSeconds(30), "5 epochs drawn",
                    () -> loss.pointCount(0) == 5 && !lab.training.isRunning());
        } finally {
            lab.training.discard();
        }
        String[] lines = CurvesCsv.of(loss).split("\n");
        assertThat(lines[0]).isEqualTo("\"epoch\",\"train loss\",\"test loss\",\"previous run\"");
        assertThat(lines).hasSize(6);
        double[] train = loss.yValues(0);
        for (int epoch = 1; epoch <= 5; epoch++) {
            String[] cells = lines[epoch].split(",", -1);
            assertThat(cells).hasSize(4);
            assertThat(cells[0]).isEqualTo(Integer.toString(epoch));
            assertThat(Double.parseDouble(cells[1])).isEqualTo(train[epoch - 1]);
            assertThat(cells[2]).matches("[0-9.e-]+");
            assertThat(cells[3]).as("no previous run").isEmpty();
        }
        // the menu hands the same text to the browser as a download
        lab.export.csv(loss, "Loss");
        assertThat(lab.export.getChildren().skip(1).findFirst().orElseThrow().getElement().getAttribute("href"))
                .isNotBlank();
    }

    @Test
    void csvCellsAreQuotedNumbersAreRootLocaleAndGapsAreEmpty() {
        UI.getCurrent().setLocale(java.util.Locale.GERMANY);
        LineChart chart = new LineChart("epoch", "loss");
        chart.setSeries(List.of(new LineChart.Series("=HYPERLINK(\"x\")", "#000"), new LineChart.Series("b", "#111")));
        chart.appendPoints(0, new double[] {1, 2, 3}, new double[] {0.5, Double.NaN, 1e-7});
        chart.appendPoints(1, new double[] {2, 4}, new double[] {1234.5, 2});
        assertThat(CurvesCsv.of(chart)).isEqualTo("""
                "epoch","'=HYPERLINK(""x"")","b"
                1,0.5,
                2,,1234.5
                3,1.0e-7,
                4,,2
                """);
    }

    @Test
    void theCsvNamesItsFirstColumnByTheQuantityWhateverTheAxisScale() {
        LineChart chart = new LineChart("Epoch", "loss");
        chart.setSeries(List.of(new LineChart.Series("train", "#000")));
        chart.appendPoints(0, new double[] {1, 2}, new double[] {0.5, 0.25});
        chart.setXScale(LineChart.XScale.WINDOW, 500);
        assertThat(chart.getXAxisLabel()).isNotEqualTo("Epoch");

        assertThat(CurvesCsv.of(chart)).startsWith("\"Epoch\",\"train\"\n");
    }
}
