package io.tinynets.experiment;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.SurfaceKind;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;

import io.tinynets.training.picture.Picture;

import java.util.List;
import java.util.Map;

/** Drafts as a lab would hand them over. */
final class ExperimentFixtures {

    private ExperimentFixtures() {
    }

    /**
     * A configuration the lab's own rules accept (playground, descent), with this learning rate; for a lab this server
     * does not have, a small JSON object of the same shape as before those rules.
     */
    static String config(String lab, double learningRate) {
        return switch (lab) {
            case "playground" -> PlaygroundConfigJson.write(PlaygroundConfig.defaults().withLearningRate(learningRate),
                    null);
            case "descent" -> DescentConfigJson.write(DescentConfig.of(SurfaceKind.RAVINE,
                    List.of(OptimizerKind.SGD, OptimizerKind.ADAM), learningRate));
            default -> "{\"dataset\":\"xor\",\"hidden\":[4,4],\"activation\":\"tanh\",\"optimizer\":{\"kind\":\"adam\","
                    + "\"lr\":" + learningRate + "}}";
        };
    }

    static ExperimentDraft draft(String lab, String name) {
        return draft(lab, name, 0.1, 42);
    }

    static ExperimentDraft draft(String lab, String name, double learningRate, long seed) {
        double[] epochs = {1, 2, 3, 4};
        return new ExperimentDraft(lab, name, "first try", List.of("xor", "tanh"), config(lab, learningRate),
                1, seed,
                List.of(Curve.of("loss", epochs, new double[] {0.69, 0.5, 0.3, 0.1}),
                        Curve.of("test loss", epochs, new double[] {0.7, 0.55, 0.35, 0.15})),
                Map.of("loss", 0.1, "accuracy", 0.975),
                "{\"layers\":[{\"W\":[[0.5,-0.25]],\"b\":[0.125]}]}",
                Picture.quantize(2, 2, new double[] {-1, 0, 0.5, 1}, -1, 1));
    }
}
