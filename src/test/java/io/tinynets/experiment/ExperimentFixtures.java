package io.tinynets.experiment;

import java.util.List;
import java.util.Map;

/** Drafts as a lab would hand them over. */
final class ExperimentFixtures {

    private ExperimentFixtures() {
    }

    static ExperimentDraft draft(String lab, String name) {
        return draft(lab, name, 0.1, 42);
    }

    static ExperimentDraft draft(String lab, String name, double learningRate, long seed) {
        double[] epochs = {1, 2, 3, 4};
        return new ExperimentDraft(lab, name, "first try", List.of("xor", "tanh"),
                "{\"dataset\":\"xor\",\"hidden\":[4,4],\"activation\":\"tanh\",\"optimizer\":{\"kind\":\"adam\",\"lr\":"
                        + learningRate + "}}",
                1, seed,
                List.of(Curve.of("loss", epochs, new double[] {0.69, 0.5, 0.3, 0.1}),
                        Curve.of("test loss", epochs, new double[] {0.7, 0.55, 0.35, 0.15})),
                Map.of("loss", 0.1, "accuracy", 0.975),
                "{\"layers\":[{\"W\":[[0.5,-0.25]],\"b\":[0.125]}]}",
                Picture.quantize(2, 2, new double[] {-1, 0, 0.5, 1}, -1, 1));
    }
}
