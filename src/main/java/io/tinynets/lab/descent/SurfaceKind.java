package io.tinynets.lab.descent;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** The surfaces the lab offers, with stable keys. */
public enum SurfaceKind {
    PARABOLA("parabola", Parabola::new),
    DOUBLE_WELL("doubleWell", DoubleWell::new),
    BOWL("bowl", Bowl::new),
    RAVINE("ravine", Ravine::new),
    SADDLE("saddle", Saddle::new),
    ROSENBROCK("rosenbrock", Rosenbrock::new),
    HIMMELBLAU("himmelblau", Himmelblau::new),
    LINE_FIT("lineFit", () -> new LineFitSurface(new SplittableRandom(SurfaceKind.LINE_FIT_DATA_SEED)));

    /** The scatter is part of the exercise, not of a run: the same twelve points every time. */
    public static final long LINE_FIT_DATA_SEED = 7;

    private final String key;
    private final Supplier<Surface> factory;

    SurfaceKind(String key, Supplier<Surface> factory) {
        this.key = key;
        this.factory = factory;
    }

    public String key() {
        return key;
    }

    public Surface create() {
        return factory.get();
    }

    public static Optional<SurfaceKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
