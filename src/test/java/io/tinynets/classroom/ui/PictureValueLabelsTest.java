package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.lab.descent.DescentInternals;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.training.picture.LivePicture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every projected or saved picture names what its colours measure (issue 20: no colour bar without its quantity),
 * and a log-coloured descent surface says it is a log scale.
 */
class PictureValueLabelsTest extends KaribuTest {

    @Autowired
    List<LivePicture> pictures;

    private Map<String, LivePicture> byLab() {
        return pictures.stream().collect(Collectors.toMap(LivePicture::lab, p -> p));
    }

    @Test
    void everyLabsSavedPictureNamesItsQuantityInEnglish() {
        Map<String, String> named = pictures.stream().collect(Collectors.toMap(LivePicture::lab,
                p -> GalleryView.valueKey(pictures, p.lab()).map(key -> UI.getCurrent().getTranslation(key))
                        .orElse("")));
        assertThat(named).containsExactlyInAnyOrderEntriesOf(Map.of(
                "playground", "network output",
                "depth", "network output",
                "descent", "loss f",
                "sequence", "hidden state h",
                "autoencoder", "pixel brightness"));
    }

    @Test
    void aLogColouredSurfaceSaysSo() {
        LivePicture descent = byLab().get("descent");
        assertThat(descent.valueKey(new DescentInternals(0, List.of(), SurfaceKind.ROSENBROCK)))
                .isEqualTo("picture.value.lossLog");
        assertThat(descent.valueKey(new DescentInternals(0, List.of(), SurfaceKind.BOWL)))
                .isEqualTo("picture.value.loss");
    }
}
