package io.tinynets.training;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A capture of a trainer's internals done in bounded pieces (see {@link Trainer#startCapture()}), so a lab whose
 * pictures take long to compute never holds a training worker for long.
 */
public interface InternalsCapture<I> {

    /** Computes the next piece; true once the capture is complete. */
    boolean step();

    /** The internals, once {@link #step()} has returned true. */
    I result();

    /** A capture done in one piece. */
    static <I> InternalsCapture<I> whole(Supplier<I> capture) {
        Objects.requireNonNull(capture, "capture");
        return new InternalsCapture<>() {
            private I result;

            @Override
            public boolean step() {
                result = capture.get();
                return true;
            }

            @Override
            public I result() {
                return result;
            }
        };
    }
}
