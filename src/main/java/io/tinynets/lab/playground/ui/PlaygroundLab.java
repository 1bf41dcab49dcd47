package io.tinynets.lab.playground.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.data.Dataset2D;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.SavableLab;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.lab.playground.PlaygroundConfigJson.Saved;
import io.tinynets.lab.playground.PlaygroundInternals;
import io.tinynets.lab.playground.PlaygroundPicture;
import io.tinynets.lab.playground.PlaygroundTrainer;
import io.tinynets.lab.playground.PlaygroundSuggestions;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.lab.LabConfigCodec;
import io.tinynets.training.lab.Suggestion;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The playground as the frame and the experiment features see it. Its configuration carries the student's own points
 * when drawn or uploaded; otherwise the points are generated again from the settings, exactly as the form does.
 */
final class PlaygroundLab implements SavableLab<Saved, PlaygroundInternals> {

    private final PlaygroundPanels panels;

    PlaygroundLab(PlaygroundPanels panels) {
        this.panels = panels;
    }

    @Override
    public LabConfigCodec<Saved> codec() {
        return PlaygroundConfigJson.CODEC;
    }

    /**
     * 10 epochs a second: at its defaults the loss falls 90% of the way in about 115 epochs and 99% by about 280,
     * so the boundary takes shape over half a minute instead of in a blink.
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
    public List<Suggestion<Saved>> suggestions() {
        return PlaygroundSuggestions.ALL;
    }

    /** The points a run of {@code setup} trains on. */
    static Dataset2D dataOf(Saved setup) {
        if (setup.customData() != null) {
            return setup.customData();
        }
        PlaygroundConfig c = setup.config();
        return Dataset2D.generate(c.dataset(), c.points(), c.noise(), c.trainFraction(),
                new SplittableRandom(c.seed()));
    }

    /** The service checks the pairing with the data (and the saved weights' shape) before it builds anything. */
    @Override
    public TrainerFactory<PlaygroundInternals> trainer(Saved setup, String savedWeights) {
        return PlaygroundTrainer.factory(setup.config(), dataOf(setup), savedWeights, panels.currentTrainer::set);
    }

    /** A reopened run's seed is used as it is (the form's seed field is the configuration's). */
    @Override
    public String seedKey() {
        return null;
    }

    /**
     * The current run as an experiment, from the run's history and the latest captured internals: the live trainer
     * is never touched. The curves stop at the internals' epoch, where the saved weights are.
     */
    @Override
    public ExperimentDraft draft(LabRun<Saved, PlaygroundInternals> run) {
        PlaygroundConfig config = run.config().config();
        boolean custom = run.config().customData() != null;
        Dataset2D data = dataOf(run.config());
        long epoch = run.epoch();
        List<MetricPoint> history = run.run().history();
        String name = panels.getTranslation("playground.experiment.name",
                custom ? panels.getTranslation("playground.experiment.ownData")
                        : panels.getTranslation("playground.dataset." + config.dataset().key()),
                config.hidden().isEmpty() ? "0" : config.hidden().stream().map(String::valueOf)
                        .reduce((a, b) -> a + "-" + b).orElse(""),
                String.valueOf(config.learningRate()), String.valueOf(epoch));
        return new ExperimentDraft(key(), name, "", List.of(), PlaygroundConfigJson.write(config,
                custom ? data : null), PlaygroundConfigJson.VERSION, run.run().seed(),
                LabExperimentSupport.curves(history, epoch), LabExperimentSupport.finalMetrics(history, epoch),
                PlaygroundTrainer.weightsJson(config, data.classes(), run.internals()),
                PlaygroundPicture.boundary(run.internals()));
    }

    @Override
    public String trainerRefusal(Component view, IllegalArgumentException e) {
        return e.getMessage();
    }
}
