package io.tinynets.training.lab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One "Try this" suggestion of a lab: its text ({@link #key()}, a message key), the step it asks for as a change of the
 * lab's configuration, and whether it then presses Play (with a seed, where the text's promise depends on one). The
 * lab's button applies {@link #apply} to the form and a claims test applies the same step to the lab's defaults and
 * trains headless to check what the text promises, so the two cannot drift apart.
 *
 * @param key   message key of the text ({@code <lab>.try.<n>})
 * @param paths the configuration fields the step sets (the codec's field names): the controls it names, and what an
 *              assignment's lock is checked against
 * @param step  the change, applied to the configuration the form holds; the identity for a suggestion that names no
 *              setting
 * @param play  true when the text says to press Play
 * @param seed  the run's seed the text's figures were measured with, if the step sets it
 * @param <C>   the lab's configuration
 */
public record Suggestion<C>(String key, Set<String> paths, UnaryOperator<C> step, boolean play, OptionalLong seed) {

    /** The codec path a suggestion's seed is locked under. */
    public static final String SEED_PATH = "seed";

    public Suggestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(seed, "seed");
        paths = Set.copyOf(new LinkedHashSet<>(paths));
    }

    /** A suggestion that sets {@code paths} of the configuration by {@code step}. */
    public static <C> Suggestion<C> of(String key, UnaryOperator<C> step, String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("a step names at least one setting: " + key);
        }
        return new Suggestion<>(key, Set.of(paths), step, false, OptionalLong.empty());
    }

    /** A suggestion that only asks to look, press Step or move a picture: no setting, no button. */
    public static <C> Suggestion<C> look(String key) {
        return new Suggestion<>(key, Set.of(), UnaryOperator.identity(), false, OptionalLong.empty());
    }

    /** The same step, then Play. */
    public Suggestion<C> andPlay() {
        return new Suggestion<>(key, paths, step, true, seed);
    }

    /** The same step on a run started from {@code runSeed}. */
    public Suggestion<C> seeded(long runSeed) {
        return new Suggestion<>(key, paths, step, play, OptionalLong.of(runSeed));
    }

    /** True when a button can carry the suggestion out (it sets something or presses Play). */
    public boolean actionable() {
        return !paths.isEmpty() || play || seed.isPresent();
    }

    /** The step applied to {@code config}. */
    public C apply(C config) {
        return step.apply(config);
    }

    /** True when a lock on the paths {@code locked} accepts forbids this step. */
    public boolean lockedBy(Predicate<String> locked) {
        return paths.stream().anyMatch(locked) || seed.isPresent() && locked.test(SEED_PATH);
    }

    /** The message keys of {@code suggestions}, in order (for a check that every text exists). */
    public static List<String> keys(List<? extends Suggestion<?>> suggestions) {
        return suggestions.stream().map(Suggestion::key).toList();
    }
}
