package io.tinynets.lab.sequence;

import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.training.picture.LivePicture;
import io.tinynets.training.picture.Picture;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The sequence lab's picture: one cell's first gate (the LSTM forget gate, the GRU reset gate, the RNN hidden state)
 * over the example sequence, time steps left to right and units top to bottom. The view saves the cell it shows; a
 * projected run shows the first trained cell, since the teacher cannot know which one the student has open.
 */
@Component
public class SequencePicture implements LivePicture {

    public static final String LAB = "sequence";
    /** Longer traces do not fit a saved picture. */
    static final int MAX_STEPS = 256;

    /** The first gate of {@code shown} (or of the first cell if that one was not trained), if traced. */
    public static Optional<Picture> gates(SequenceInternals in, CellKind shown) {
        if (in.cells().isEmpty()) {
            return Optional.empty();
        }
        CellInternals c = in.cell(shown).orElse(in.cells().get(0));
        if (c.trace().isEmpty()) {
            return Optional.empty();
        }
        GateSpec spec = GateSpec.of(c.kind()).get(0);
        int steps = c.trace().size();
        int units = c.trace().get(0).h().numCols;
        if (steps > MAX_STEPS) {
            return Optional.empty();
        }
        return Optional.of(Picture.quantize(steps, units, spec.grid(c.trace()), spec.min(), spec.max()));
    }

    @Override
    public String lab() {
        return LAB;
    }

    @Override
    public Optional<Picture> of(Object internals) {
        return internals instanceof SequenceInternals in ? gates(in, null) : Optional.empty();
    }

    /** Sigmoid gates run 0..1, an RNN's tanh state −1..1. */
    @Override
    public Colours colours(Object internals) {
        return firstGate(internals).map(g -> g.sigmoid() ? Colours.SEQUENTIAL : Colours.DIVERGING)
                .orElse(Colours.SEQUENTIAL);
    }

    @Override
    public String captionKey(Object internals) {
        return firstGate(internals).map(g -> switch (g.key()) {
            case "forget" -> "classroom.dashboard.picture.sequence.forget";
            case "reset" -> "classroom.dashboard.picture.sequence.reset";
            default -> "classroom.dashboard.picture.sequence.hidden";
        }).orElse("classroom.dashboard.picture.sequence.hidden");
    }

    /** The gate or state the trace shows, as the lab's own gate maps name it. */
    @Override
    public String valueKey(Object internals) {
        return "sequence.gate." + firstGate(internals).map(GateSpec::key).orElse("hidden") + ".value";
    }

    private static Optional<GateSpec> firstGate(Object internals) {
        return internals instanceof SequenceInternals in && !in.cells().isEmpty()
                ? Optional.of(GateSpec.of(in.cells().get(0).kind()).get(0)) : Optional.empty();
    }
}
