package io.tinynets.experiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every lab's {@link LabConfigRules}, by lab key: the one validation of lab configurations that import, reopening and
 * assignments go through. A lab this server does not have is refused: nothing could open its experiments.
 */
@Component
public class LabConfigs {

    private static final Logger log = LoggerFactory.getLogger(LabConfigs.class);

    private final Map<String, LabConfigRules> rules;

    public LabConfigs(List<LabConfigRules> rules) {
        this.rules = rules.stream().collect(Collectors.toMap(LabConfigRules::lab, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two rules for the lab " + a.lab());
        }, TreeMap::new));
    }

    /** The labs whose experiments this server can open. */
    public List<String> labs() {
        return List.copyOf(rules.keySet());
    }

    public boolean knows(String lab) {
        return rules.containsKey(lab);
    }

    /**
     * Returns when {@code lab} exists here and accepts the configuration; otherwise throws an
     * {@link ExperimentValidationException} naming the problem ({@code experiments.config.*}).
     */
    public void check(String lab, String configJson, int configVersion, long seed) {
        LabConfigRules r = rules.get(lab);
        if (r == null) {
            throw new ExperimentValidationException("experiments.config.unknownLab", String.valueOf(lab));
        }
        try {
            r.check(configJson, configVersion, seed);
        } catch (ExperimentValidationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a rule that breaks its contract still refuses, with a message, instead of failing the caller
            log.warn("the {} rules failed on a configuration ({})", lab, e.toString());
            throw new ExperimentValidationException("experiments.config.json");
        }
    }
}
