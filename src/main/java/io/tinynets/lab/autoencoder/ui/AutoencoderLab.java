package io.tinynets.lab.autoencoder.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.base.ui.frame.LabRun;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ui.LabExperimentSupport;
import io.tinynets.experiment.ui.SavableLab;
import io.tinynets.lab.autoencoder.AutoencoderConfig;
import io.tinynets.lab.autoencoder.AutoencoderConfigJson;
import io.tinynets.lab.autoencoder.AutoencoderInternals;
import io.tinynets.lab.autoencoder.AutoencoderLabTrainer;
import io.tinynets.lab.autoencoder.AutoencoderPicture;
import io.tinynets.lab.autoencoder.AutoencoderSuggestions;
import io.tinynets.training.MetricPoint;
import io.tinynets.training.Speed;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.lab.LabConfigCodec;
import io.tinynets.training.lab.Suggestion;

import java.util.List;
import java.util.Map;

/**
 * The autoencoder lab as the frame and the experiment features see it. The seed is part of its configuration, and a
 * continued run resumes the saved weights and optimizer state.
 */
final class AutoencoderLab implements SavableLab<AutoencoderConfig, AutoencoderInternals> {

    private final Component view;

    AutoencoderLab(Component view) {
        this.view = view;
    }

    @Override
    public LabConfigCodec<AutoencoderConfig> codec() {
        return AutoencoderConfigJson.CODEC;
    }

    /**
     * 20 epochs a second: at its defaults the loss falls 90% of the way in about 125 epochs (6 s) and settles toward
     * the PCA line by about 570 (half a minute), while the latent plane and reconstructions sharpen.
     */
    @Override
    public Speed defaultSpeed() {
        return Speed.epochsPerSecond(20);
    }

    @Override
    public List<Suggestion<AutoencoderConfig>> suggestions() {
        return AutoencoderSuggestions.ALL;
    }

    @Override
    public TrainerFactory<AutoencoderInternals> trainer(AutoencoderConfig config, String savedWeights) {
        return savedWeights == null ? AutoencoderLabTrainer.factory(config)
                : AutoencoderLabTrainer.factory(config, savedWeights);
    }

    @Override
    public String trainerRefusal(Component c, IllegalArgumentException e) {
        return c.getTranslation("autoencoder.experiment.continueFailed", e.getMessage());
    }

    @Override
    public String saveDisabledKey() {
        return "autoencoder.save.disabled";
    }

    /** The form checks the seed (it is a field of the configuration). */
    @Override
    public String seedKey() {
        return null;
    }

    /**
     * The run as an experiment, from the latest internals (whose frozen model copy gives the weights) and the run's
     * history up to the same epoch.
     */
    @Override
    public ExperimentDraft draft(LabRun<AutoencoderConfig, AutoencoderInternals> run) {
        AutoencoderInternals in = run.internals();
        long epoch = run.epoch();
        List<MetricPoint> history = run.run().history();
        List<Curve> curves = LabExperimentSupport.lossAndAccuracy(history, epoch);
        Map<String, Double> metrics = LabExperimentSupport.finalMetrics(history, epoch);
        metrics.put("reconstruction error", in.reconstructionError());
        metrics.put("pca error", in.pcaError());
        AutoencoderConfig config = run.config();
        String name = view.getTranslation("autoencoder.save.name", view.getTranslation("autoencoder.data."
                + config.data().key()), config.bottleneck(), epoch);
        return new ExperimentDraft(key(), name, "", List.of(), AutoencoderConfigJson.write(config),
                AutoencoderConfigJson.VERSION, run.run().seed(), curves, metrics, in.decoder().weightsJson(),
                AutoencoderPicture.reconstructions(in).orElse(null));
    }
}
