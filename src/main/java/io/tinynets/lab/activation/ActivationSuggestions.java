package io.tinynets.lab.activation;

import io.tinynets.engine.Activation;
import io.tinynets.training.lab.Suggestion;

import java.util.List;
import java.util.Set;

/**
 * The activation explorer's "Try this" ({@code activation.try.N}): each text's step as a change of what the explorer
 * shows, shared by its buttons and ActivationClaimsTest, which reads the same numbers the explorer shows.
 */
public final class ActivationSuggestions {

    /** The functions picked. */
    public static final String FUNCTIONS = "functions";
    /** The probe's x. */
    public static final String X = "x";

    /**
     * What the explorer's controls hold.
     *
     * @param functions the activations drawn
     * @param x         where the probe reads f(x) and f′(x)
     */
    public record Probe(Set<Activation> functions, double x) {
        public Probe {
            functions = Set.copyOf(functions);
        }
    }

    public static final List<Suggestion<Probe>> ALL = List.of(
            Suggestion.<Probe>of("activation.try.1", p -> new Probe(Set.of(Activation.SIGMOID, Activation.TANH), 0),
                    FUNCTIONS, X),
            Suggestion.<Probe>of("activation.try.2", p -> new Probe(p.functions(), 5), X),
            Suggestion.<Probe>of("activation.try.3", p -> new Probe(Set.of(Activation.SIGMOID, Activation.RELU),
                    p.x()), FUNCTIONS));

    private ActivationSuggestions() {
    }
}
