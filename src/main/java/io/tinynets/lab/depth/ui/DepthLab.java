package io.tinynets.lab.depth.ui;

import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.SavableLab;
import io.tinynets.lab.depth.DepthConfig;
import io.tinynets.lab.depth.DepthConfigJson;
import io.tinynets.lab.depth.DepthInternals;
import io.tinynets.lab.depth.DepthPicture;
import io.tinynets.lab.depth.DepthSuggestions;
import io.tinynets.lab.depth.DepthTrainer;
import io.tinynets.lab.depth.NetworkInternals;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.lab.LabConfigCodec;
import io.tinynets.training.lab.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vanishing-gradient lab as the frame and the experiment features see it. */
final class DepthLab implements SavableLab<DepthConfig, DepthInternals> {

    private final DepthPanels panels;

    DepthLab(DepthPanels panels) {
        this.panels = panels;
    }

    @Override
    public LabConfigCodec<DepthConfig> codec() {
        return DepthConfigJson.CODEC;
    }

    /**
     * 5 epochs a second: at its defaults the ReLU network fits the data within about 50 epochs (10 s) while the deep
     * sigmoid one stays at chance, so the difference and the gradient bars can be watched as they open up.
     */
    @Override
    public Speed defaultSpeed() {
        return Speed.epochsPerSecond(5);
    }

    @Override
    public List<Suggestion<DepthConfig>> suggestions() {
        return DepthSuggestions.ALL;
    }

    @Override
    public TrainerFactory<DepthInternals> trainer(DepthConfig config, String savedWeights) {
        return DepthTrainer.factory(config, savedWeights);
    }

    @Override
    public long epoch(Snapshot<DepthInternals> snapshot) {
        return snapshot.internals().epoch();
    }

    /**
     * The run's history curves and figures, plus each network's loss curve (from the chart: the trainer keeps only
     * the first network's in its history; the chart's copy holds its latest 500 points exactly and thins the older
     * ones as a stored curve is thinned anyway), accuracy and the first network's boundary as the picture.
     */
    @Override
    public ExperimentDraft draft(LabRun<DepthConfig, DepthInternals> run) {
        DepthInternals in = run.internals();
        List<MetricPoint> history = run.run().history();
        List<Curve> curves = new ArrayList<>(LabExperimentSupport.curves(history, in.epoch()));
        Map<String, Double> metrics = new LinkedHashMap<>(LabExperimentSupport.finalMetrics(history, in.epoch()));
        for (int i = 0; i < in.networks().size(); i++) {
            NetworkInternals n = in.networks().get(i);
            String key = (i + 1) + " · " + n.activation().key();
            curves.add(Curve.of(DepthPanels.NETWORK_LOSS + key, panels.lossChart.xValues(i),
                    panels.lossChart.yValues(i)));
            if (Double.isFinite(n.loss())) {
                metrics.put("loss " + key, n.loss());
            }
            metrics.put("accuracy " + key, n.accuracy());
        }
        metrics.put("accuracy", in.networks().get(0).accuracy());
        DepthConfig config = run.config();
        String acts = String.join(" vs ", config.activations().stream().map(panels::name).toList());
        String name = panels.getTranslation("depth.experiment.name", acts, String.valueOf(config.depth()),
                String.valueOf(config.width()), String.valueOf(in.epoch()));
        return new ExperimentDraft(key(), name, "", List.of(), DepthConfigJson.write(config),
                DepthConfigJson.VERSION, run.run().seed(), curves, metrics, DepthTrainer.weightsJson(config, in),
                DepthPicture.boundary(in));
    }
}
