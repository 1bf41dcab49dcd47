package io.tinynets.engine.model;

import io.tinynets.engine.Activation;
import io.tinynets.engine.Param;
import io.tinynets.engine.init.Initializer;
import io.tinynets.engine.layer.AffineLayer;
import io.tinynets.engine.layer.Dense;
import io.tinynets.engine.layer.TiedDense;
import io.tinynets.engine.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An hourglass network trained to give back its input: the encoder ({@link Dense} layers along
 * {@link AutoencoderSpec#encoderSizes()}) squeezes each sample into a short code, the mirrored decoder rebuilds the
 * sample from the code. With {@link AutoencoderSpec#tiedWeights()} each decoder layer is a {@link TiedDense} using
 * the transpose of its mirror encoder weight.
 *
 * <p>Training is unsupervised: the target is the clean sample itself; with denoising the input is a corrupted copy
 * ({@link AutoencoderNoise}) and the target stays clean. Buffers returned by {@link #forward}, {@link #encode} and
 * {@link #decode} are internal and overwritten by the next call.
 */
public final class Autoencoder {

    private final AutoencoderSpec spec;
    private final List<Dense> encoder;
    private final List<AffineLayer> decoder;
    private final List<Param> params;
    private final DMatrixRMaj dLoss = new DMatrixRMaj(1, 1);

    /** Builds the layers; Xavier weights from {@code rng} (encoder first, then untied decoder layers), biases 0. */
    public Autoencoder(AutoencoderSpec spec, RandomGenerator rng) {
        if (spec == null || rng == null) {
            throw new IllegalArgumentException("spec and rng must not be null");
        }
        this.spec = spec;
        int[] sizes = spec.encoderSizes();
        int depth = sizes.length - 1;
        List<Dense> enc = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            Activation f = l == depth - 1 ? spec.codeActivation() : spec.activation();
            Dense layer = new Dense("encoder." + l, sizes[l], sizes[l + 1], f);
            Initializer.XAVIER.fill(layer.weight().value(), sizes[l], sizes[l + 1], rng);
            enc.add(layer);
        }
        List<AffineLayer> dec = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            int mirror = depth - 1 - d;
            Activation f = d == depth - 1 ? spec.outputActivation() : spec.activation();
            if (spec.tiedWeights()) {
                dec.add(new TiedDense("decoder." + d, enc.get(mirror).weight(), f));
            } else {
                Dense layer = new Dense("decoder." + d, sizes[mirror + 1], sizes[mirror], f);
                Initializer.XAVIER.fill(layer.weight().value(), sizes[mirror + 1], sizes[mirror], rng);
                dec.add(layer);
            }
        }
        this.encoder = Collections.unmodifiableList(enc);
        this.decoder = Collections.unmodifiableList(dec);
        List<Param> all = new ArrayList<>();
        enc.forEach(l -> all.addAll(l.params()));
        dec.forEach(l -> all.addAll(l.params()));
        this.params = Collections.unmodifiableList(all);
    }

    public AutoencoderSpec spec() {
        return spec;
    }

    /** Every trainable parameter once (a tied weight appears only as the encoder's). */
    public List<Param> params() {
        return params;
    }

    public int parameterCount() {
        int n = 0;
        for (Param p : params) {
            n += p.size();
        }
        return n;
    }

    public boolean parametersFinite() {
        for (Param p : params) {
            if (!p.isFinite()) {
                return false;
            }
        }
        return true;
    }

    /** x (batch × input) → code (batch × bottleneck), an internal buffer. */
    public DMatrixRMaj encode(DMatrixRMaj x) {
        DMatrixRMaj h = x;
        for (Dense layer : encoder) {
            h = layer.forward(h);
        }
        return h;
    }

    /** code (batch × bottleneck) → reconstruction (batch × input), an internal buffer. */
    public DMatrixRMaj decode(DMatrixRMaj code) {
        if (code.numCols != spec.bottleneck()) {
            throw new IllegalArgumentException("code must have " + spec.bottleneck() + " columns, got "
                    + code.numCols);
        }
        DMatrixRMaj h = code;
        for (AffineLayer layer : decoder) {
            h = layer.forward(h);
        }
        return h;
    }

    /** x → decode(encode(x)). */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.numCols != spec.inputs()) {
            throw new IllegalArgumentException("input must have " + spec.inputs() + " columns, got " + x.numCols);
        }
        return decode(encode(x));
    }

    /** The reconstruction loss of {@code input} against {@code target} (the clean sample). */
    public double loss(DMatrixRMaj input, DMatrixRMaj target, AutoencoderLoss loss) {
        DMatrixRMaj out = forward(input);
        return loss.value(last().preActivation(), out, target);
    }

    /**
     * Forward and backward on one batch: adds ∂L/∂θ into every param's grad (the caller zeroes them) and returns L.
     */
    public double computeGradients(DMatrixRMaj input, DMatrixRMaj target, AutoencoderLoss loss) {
        loss.incompatibility(spec.outputActivation()).ifPresent(m -> {
            throw new IllegalArgumentException(m);
        });
        DMatrixRMaj out = forward(input);
        AffineLayer outLayer = last();
        double value = loss.value(outLayer.preActivation(), out, target);
        loss.gradient(outLayer.preActivation(), out, target, dLoss);
        DMatrixRMaj d = loss.gradientIsPreActivation()
                ? outLayer.backwardFromPreActivation(dLoss, true)
                : outLayer.backward(dLoss, true);
        for (int i = decoder.size() - 2; i >= 0; i--) {
            d = decoder.get(i).backward(d, true);
        }
        for (int i = encoder.size() - 1; i >= 0; i--) {
            d = encoder.get(i).backward(d, i > 0);
        }
        return value;
    }

    /** Zero grads, compute gradients, one optimizer step; returns the batch loss before the step. */
    public double trainStep(DMatrixRMaj input, DMatrixRMaj target, AutoencoderLoss loss, Optimizer optimizer) {
        for (Param p : params) {
            p.zeroGrad();
        }
        double value = computeGradients(input, target, loss);
        if (Double.isFinite(value)) {
            optimizer.step(params);
        }
        return value;
    }

    /** A deep copy with the same weights (and fresh buffers), e.g. for a view to decode while training goes on. */
    public Autoencoder copy() {
        Autoencoder twin = new Autoencoder(spec, new java.util.SplittableRandom(0));
        for (int i = 0; i < params.size(); i++) {
            twin.params.get(i).value().setTo(params.get(i).value());
        }
        return twin;
    }

    private AffineLayer last() {
        return decoder.get(decoder.size() - 1);
    }
}
