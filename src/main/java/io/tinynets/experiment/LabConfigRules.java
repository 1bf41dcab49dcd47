package io.tinynets.experiment;

/**
 * The rules of one lab's saved settings, declared here and implemented by each lab (a Spring bean beside its config
 * codec), so that import, reopening and assignments check a configuration the same way as the lab's own form without
 * this package, or the classroom, knowing any lab.
 *
 * <p>A lab's rules refuse everything the lab could not open exactly, or could not train within the server's training
 * limits: a missing, mistyped, out-of-range or unknown field, a network or data set larger than the limits allow.
 */
public interface LabConfigRules {

    /** The lab's key, as experiments and assignments store it (its route: "playground", "descent"…). */
    String lab();

    /**
     * Returns when the lab can open and train {@code configJson} (its schema {@code configVersion}, run seed
     * {@code seed}); otherwise throws an {@link ExperimentValidationException} whose message key names the first
     * problem. Never throws anything else, whatever the text holds.
     */
    void check(String configJson, int configVersion, long seed);
}
