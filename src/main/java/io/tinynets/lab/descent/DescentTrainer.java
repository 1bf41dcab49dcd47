package io.tinynets.lab.descent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.engine.optim.OptimizerConfig;
import io.tinynets.training.Advice;
import io.tinynets.training.EpochMetrics;
import io.tinynets.training.Trainer;
import io.tinynets.training.TrainerFactory;
import io.tinynets.training.TrainerPlan;
import io.tinynets.training.io.OptimizerStateJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A race of optimizers on one surface, stepped in lock-step: one epoch is one step of every racer. One trainer for
 * the whole race (rather than one run per racer) keeps them at the same step count, so the paths and the loss
 * curves compare step for step, and play/pause/step/reset act on all of them at once.
 *
 * <p>Racers never share state: each has its own point and its own optimizer. A racer that diverges is frozen and
 * reported by its {@link RacerStatus}; the others go on. The run itself diverges (with the runtime's advice) only
 * when every racer has. The race is over ({@link #settled()}) once every racer has converged, diverged or is stuck
 * where the slope vanished: further steps would change nothing on the screen.
 */
public final class DescentTrainer implements Trainer<DescentInternals> {

    public static final String POSITIONS_FORMAT = "tinynets.descent";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SurfaceKind surfaceKind;
    private final Surface surface;
    private final List<Racer> racers = new ArrayList<>();
    private double learningRate;
    private long steps;

    public DescentTrainer(DescentConfig config) {
        this(config, null);
    }

    /**
     * A race that continues from saved positions, each racer from its own point with its saved optimizer state
     * (velocity, moments, step count; fresh when the save has none, as older saves do); racers saved as diverged
     * stay frozen.
     *
     * @param saved {@link #positionsJson} of a race with exactly this config's optimizers, or null to start all
     *              racers at the config's start
     * @throws IllegalArgumentException if the saved positions do not fit the config
     */
    public DescentTrainer(DescentConfig config, String saved) {
        this.surfaceKind = config.surface();
        this.surface = surfaceKind.create();
        this.learningRate = config.learningRate();
        List<SavedRacer> starts = saved == null ? null : readPositions(saved, config, surface.dimensions());
        List<OptimizerConfig> configs = config.optimizerConfigs();
        for (int i = 0; i < configs.size(); i++) {
            SavedRacer from = starts == null ? null : starts.get(i);
            boolean frozen = from != null && from.position() == null;
            racers.add(new Racer(surface, configs.get(i), from == null || frozen ? config.start() : from.position(),
                    frozen, from == null ? null : from.optimizer()));
        }
    }

    /**
     * The factory of a race continued from saved positions; its check refuses positions that do not fit the config
     * (before the service builds anything).
     */
    public static TrainerFactory<DescentInternals> factory(DescentConfig config, String saved) {
        if (saved == null) {
            return factory(config);
        }
        return TrainerFactory.of(plan(config),
                () -> readPositions(saved, config, config.surface().create().dimensions()),
                seed -> new DescentTrainer(config, saved));
    }

    /** What the race will hold: a point per racer (its parameters) on the surface's data. */
    static TrainerPlan plan(DescentConfig config) {
        Surface s = config.surface().create();
        return TrainerPlan.of((long) config.optimizers().size() * s.dimensions(), datasetSize(s),
                config.learningRate());
    }

    private static int datasetSize(Surface surface) {
        return surface instanceof LineFitSurface ? LineFitSurface.POINTS : 1;
    }

    /**
     * The racers' positions of a capture as
     * {@code {"format":"tinynets.descent","version":1,"steps":120,"racers":[{"optimizer":"sgd","position":[x, y],
     * "status":"descending","state":{<OptimizerStateJson>}}, …]}}; a diverged racer's position and state are null.
     * Built from the immutable capture, so it is safe on the UI thread while the race runs.
     */
    public static String positionsJson(DescentInternals internals) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", POSITIONS_FORMAT);
        root.put("version", 1);
        root.put("steps", internals.steps());
        ArrayNode list = root.putArray("racers");
        for (RacerSnapshot r : internals.racers()) {
            ObjectNode node = list.addObject();
            node.put("optimizer", r.kind().key());
            boolean finite = r.status() != RacerStatus.DIVERGED
                    && java.util.Arrays.stream(r.position()).allMatch(Double::isFinite);
            if (finite) {
                ArrayNode p = node.putArray("position");
                for (double v : r.position()) {
                    p.add(v);
                }
            } else {
                node.putNull("position");
            }
            if (finite && r.optimizer() != null) {
                node.set("state", OptimizerStateJson.toNode(r.optimizer()));
            }
            node.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("positions could not be written as JSON", e);
        }
    }

    /** A saved racer: its point (null when it had diverged) and its optimizer state (null when not saved). */
    private record SavedRacer(double[] position, OptimizerStateJson.Saved optimizer) {
    }

    /** One saved racer per racer in race order. */
    private static List<SavedRacer> readPositions(String json, DescentConfig config, int dimensions) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("saved positions are not valid JSON");
        }
        if (root == null || !POSITIONS_FORMAT.equals(root.path("format").asText())
                || root.path("version").asInt() != 1 || !root.path("racers").isArray()) {
            throw new IllegalArgumentException("saved positions must be " + POSITIONS_FORMAT
                    + " version 1 with a racers array");
        }
        JsonNode list = root.get("racers");
        if (list.size() != config.optimizers().size()) {
            throw new IllegalArgumentException("saved positions hold " + list.size() + " racers, the config races "
                    + config.optimizers().size());
        }
        List<SavedRacer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String kind = config.optimizers().get(i).key();
            if (!kind.equals(r.path("optimizer").asText())) {
                throw new IllegalArgumentException("saved racer " + (i + 1) + " is '" + r.path("optimizer").asText()
                        + "', the config races '" + kind + "' there");
            }
            JsonNode p = r.get("position");
            if (p == null || p.isNull()) {
                out.add(new SavedRacer(null, null));
                continue;
            }
            if (!p.isArray() || p.size() != dimensions) {
                throw new IllegalArgumentException("saved racer " + (i + 1) + " needs a position of " + dimensions
                        + " numbers");
            }
            double[] point = new double[dimensions];
            for (int d = 0; d < dimensions; d++) {
                if (!p.get(d).isNumber() || !Double.isFinite(p.get(d).asDouble())) {
                    throw new IllegalArgumentException("saved racer " + (i + 1) + " position must be finite");
                }
                point[d] = p.get(d).asDouble();
            }
            JsonNode state = r.get("state");
            OptimizerStateJson.Saved optimizer = null;
            if (state != null && !state.isNull()) {
                try {
                    optimizer = OptimizerStateJson.fromNode(state);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("saved racer " + (i + 1) + ": " + e.getMessage());
                }
            }
            out.add(new SavedRacer(point, optimizer));
        }
        return out;
    }

    /** The run's seed is not used: a walk from a given start is deterministic (the scatter has its own seed). */
    public static TrainerFactory<DescentInternals> factory(DescentConfig config) {
        return TrainerFactory.of(plan(config), seed -> new DescentTrainer(config));
    }

    public Surface surface() {
        return surface;
    }

    @Override
    public EpochMetrics trainEpoch() {
        steps++;
        double best = Double.NaN;
        for (Racer r : racers) {
            r.step();
            if (!r.diverged() && !(r.loss() >= best)) {
                best = r.loss();
            }
        }
        // NaN once every racer has diverged: the runtime then ends the run with its advice
        return EpochMetrics.of(best);
    }

    /** Message keys of a race that ended by itself: {0} step, {1} converged, {2} diverged, {3} stuck racers. */
    public static final String SETTLED = "descent.finished.settled";
    public static final String SETTLED_STUCK = "descent.finished.settledStuck";

    /**
     * Over once every racer has converged, diverged or got stuck (and at least one did not diverge: a race where all
     * diverged ends as diverged, with the runtime's advice).
     */
    @Override
    public Optional<Advice> settled() {
        long converged = racers.stream().filter(Racer::converged).count();
        long diverged = racers.stream().filter(Racer::diverged).count();
        long stuck = racers.stream().filter(Racer::stuck).count();
        if (converged + diverged + stuck < racers.size() || diverged == racers.size()) {
            return Optional.empty();
        }
        return Optional.of(stuck == 0 ? Advice.of(SETTLED, steps, converged, diverged)
                : Advice.of(SETTLED_STUCK, steps, converged, diverged, stuck));
    }

    @Override
    public DescentInternals captureInternals() {
        List<RacerSnapshot> out = new ArrayList<>(racers.size());
        for (Racer r : racers) {
            out.add(r.snapshot());
        }
        return new DescentInternals(steps, out, surfaceKind);
    }

    /** True while at least one racer is still on the surface (diverged racers are frozen, see the class comment). */
    @Override
    public boolean parametersFinite() {
        return racers.stream().anyMatch(r -> !r.diverged());
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** The same rate for every racer, kept in each optimizer's state (velocities and moments survive). */
    @Override
    public void setLearningRate(double learningRate) {
        racers.forEach(r -> r.setLearningRate(learningRate));
        this.learningRate = learningRate;
    }

    @Override
    public long parameterCount() {
        return (long) racers.size() * surface.dimensions();
    }

    @Override
    public int datasetSize() {
        return datasetSize(surface);
    }

    /** The racers' current points, in race order (for tests and benchmarks). */
    public List<double[]> positions() {
        return racers.stream().map(Racer::position).toList();
    }

    public List<RacerStatus> statuses() {
        return racers.stream().map(Racer::status).toList();
    }
}
