package io.tinynets.lab.sequence.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.SavableLab;
import io.tinynets.lab.sequence.CellInternals;
import io.tinynets.lab.sequence.LiveOptions;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceConfigJson;
import io.tinynets.lab.sequence.SequenceInternals;
import io.tinynets.lab.sequence.SequencePicture;
import io.tinynets.lab.sequence.SequenceTrainer;
import io.tinynets.lab.sequence.SequenceWeights;
import io.tinynets.lab.sequence.SequenceSuggestions;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.Snapshot;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.lab.LabConfigCodec;
import io.tinynets.training.lab.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sequence lab as the frame and the experiment features see it. Its trainers read the live options (focus cell,
 * panels shown, temperature) the panels set; a continued run resumes the saved weights and optimizer state.
 */
final class SequenceLab implements SavableLab<SequenceConfig, SequenceInternals> {

    private final LiveOptions options;
    private final SequencePanels panels;

    SequenceLab(LiveOptions options, SequencePanels panels) {
        this.options = options;
        this.panels = panels;
    }

    @Override
    public LabConfigCodec<SequenceConfig> codec() {
        return SequenceConfigJson.CODEC;
    }

    @Override
    public List<Suggestion<SequenceConfig>> suggestions() {
        return SequenceSuggestions.ALL;
    }

    /**
     * 10 epochs a second: at its defaults (delayed recall, D = 20) the accuracy reaches 100% around epoch 100 and the
     * loss settles around epoch 260, so the gates can be watched learning over 10–30 s.
     */
    @Override
    public Speed defaultSpeed() {
        return Speed.epochsPerSecond(10);
    }

    /** Controls first: the form is long, and Play should stay in sight. */
    @Override
    public boolean controlsFirst() {
        return true;
    }

    @Override
    public TrainerFactory<SequenceInternals> trainer(SequenceConfig config, String savedWeights) {
        return savedWeights == null ? SequenceTrainer.factory(config, options)
                : SequenceTrainer.factory(config, options, savedWeights);
    }

    @Override
    public long epoch(Snapshot<SequenceInternals> snapshot) {
        return snapshot.internals().epoch();
    }

    @Override
    public String trainerRefusal(Component view, IllegalArgumentException e) {
        return view.getTranslation("sequence.experiment.continueFailed", e.getMessage());
    }

    @Override
    public String saveDisabledKey() {
        return "sequence.save.disabled";
    }

    @Override
    public String seedKey() {
        return "sequence.seed.range";
    }

    static String cellCurve(String metric, CellKind kind) {
        return metric + " " + kind.name();
    }

    /**
     * The run as an experiment, from the latest internals (weights copied by the trainer at the same epoch as the
     * curves) and the run's metric history up to that epoch; its picture is the gates of the cell shown.
     */
    @Override
    public ExperimentDraft draft(LabRun<SequenceConfig, SequenceInternals> run) {
        SequenceInternals in = run.internals();
        SequenceConfig config = run.config();
        List<MetricPoint> history = run.run().history();
        List<Curve> curves = new ArrayList<>(LabExperimentSupport.lossAndAccuracy(history, in.epoch()));
        Map<String, Double> metrics = LabExperimentSupport.finalMetrics(history, in.epoch());
        double[] cellX = IntStream.range(0, in.tailLength()).mapToDouble(i -> in.firstEpoch() + i).toArray();
        for (CellInternals c : in.cells()) {
            curves.add(Curve.of(cellCurve("loss", c.kind()), cellX, c.loss()));
            curves.add(Curve.of(cellCurve(in.classification() ? "accuracy" : "eval loss", c.kind()), cellX,
                    c.metric()));
        }
        String name = panels.getTranslation("sequence.save.name", panels.getTranslation("sequence.task."
                + config.task().key()), config.race() ? panels.getTranslation("sequence.race")
                : config.cell().name(), in.epoch());
        return new ExperimentDraft(key(), name, "", List.of(), SequenceConfigJson.write(config),
                SequenceConfigJson.VERSION, run.run().seed(), curves, metrics, SequenceWeights.write(config, in),
                SequencePicture.gates(in, panels.shownKind()).orElse(null));
    }
}
