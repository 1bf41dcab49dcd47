package io.tinynets.lab.descent.ui;

import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.SavableLab;
import io.tinynets.lab.descent.DescentConfig;
import io.tinynets.lab.descent.DescentConfigJson;
import io.tinynets.lab.descent.DescentInternals;
import io.tinynets.lab.descent.DescentTrainer;
import io.tinynets.lab.descent.RacerSnapshot;
import io.tinynets.lab.descent.RacerStatus;
import io.tinynets.lab.descent.DescentSuggestions;
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

/** The gradient-descent race as the frame and the experiment features see it; its "weights" are the positions. */
final class DescentLab implements SavableLab<DescentConfig, DescentInternals> {

    private final DescentPanels panels;

    DescentLab(DescentPanels panels) {
        this.panels = panels;
    }

    @Override
    public LabConfigCodec<DescentConfig> codec() {
        return DescentConfigJson.CODEC;
    }

    /**
     * 10 steps a second: at its defaults the three racers reach the minimum between step 200 and 250, a race of
     * 20–25 s whose paths can be followed step by step (the race then ends by itself).
     */
    @Override
    public Speed defaultSpeed() {
        return Speed.epochsPerSecond(10);
    }

    @Override
    public List<Suggestion<DescentConfig>> suggestions() {
        return DescentSuggestions.ALL;
    }

    @Override
    public TrainerFactory<DescentInternals> trainer(DescentConfig config, String savedPositions) {
        return DescentTrainer.factory(config, savedPositions);
    }

    @Override
    public long epoch(Snapshot<DescentInternals> snapshot) {
        return snapshot.internals().steps();
    }

    /** The race keeps no seed field: a saved seed is used as it is. */
    @Override
    public String seedKey() {
        return null;
    }

    /**
     * The race as an experiment, from the run's history and the latest internals (immutable, with every racer's whole
     * walk), the surface as drawn for its picture.
     */
    @Override
    public ExperimentDraft draft(LabRun<DescentConfig, DescentInternals> run) {
        DescentInternals in = run.internals();
        List<MetricPoint> history = run.run().history();
        List<Curve> curves = new ArrayList<>(LabExperimentSupport.curves(history, in.steps()));
        Map<String, Double> metrics = new LinkedHashMap<>(LabExperimentSupport.finalMetrics(history, in.steps()));
        for (RacerSnapshot r : in.racers()) {
            int n = r.losses().length();
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = k;
            }
            curves.add(Curve.of(DescentPanels.RACER_LOSS + r.kind().key(), x, r.losses().tail(0)));
            if (Double.isFinite(r.loss()) && r.status() != RacerStatus.DIVERGED) {
                metrics.put(DescentPanels.RACER_LOSS + r.kind().key(), r.loss());
            }
        }
        DescentConfig config = run.config();
        String name = panels.getTranslation("descent.experiment.name",
                panels.getTranslation("descent.surface." + config.surface().key()),
                DescentPanels.format(config.learningRate()), String.valueOf(in.steps()));
        return new ExperimentDraft(key(), name, "", List.of(), DescentConfigJson.write(config),
                DescentConfigJson.VERSION, run.run().seed(), curves, metrics, DescentTrainer.positionsJson(in),
                panels.surfacePicture());
    }
}
