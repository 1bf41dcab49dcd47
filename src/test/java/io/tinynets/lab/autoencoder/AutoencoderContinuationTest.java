package io.tinynets.lab.autoencoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinynets.data.images.ImageSetKind;
import io.tinynets.engine.Activation;
import io.tinynets.engine.model.AutoencoderLoss;
import io.tinynets.engine.model.AutoencoderNoise;
import io.tinynets.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Continue training" in the autoencoder lab resumes the optimizer, the batch order and the noise exactly. */
class AutoencoderContinuationTest {

    private static final int N = 3;
    private static final int K = 3;
    private static final long SEED = 5;

    private static AutoencoderConfig config(OptimizerKind kind, AutoencoderNoise noise) {
        return new AutoencoderConfig(ImageSetKind.DIGITS_8, 120, new int[]{12}, 2, Activation.TANH, false,
                AutoencoderLoss.MSE, noise, kind, 0.01);
    }

    private static AutoencoderNoise noise(String kind) {
        return switch (kind) {
            case "gaussian" -> AutoencoderNoise.gaussian(0.2);
            case "mask" -> new AutoencoderNoise(AutoencoderNoise.Kind.MASK, 0.3);
            default -> AutoencoderNoise.NONE;
        };
    }

    private static double[] train(AutoencoderLabTrainer t, int epochs) {
        double[] losses = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            losses[i] = t.trainEpoch().trainLoss();
        }
        return losses;
    }

    private record Saved(String json, double[] next) {
    }

    private static Saved saveAfterN(AutoencoderConfig c) {
        AutoencoderLabTrainer t = new AutoencoderLabTrainer(c, SEED);
        train(t, N);
        String json = t.captureInternals().decoder().weightsJson();
        return new Saved(json, train(t, K));
    }

    private static String without(String json, String... fields) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.remove(List.of(fields));
        return mapper.writeValueAsString(root);
    }

    @ParameterizedTest
    @CsvSource({"ADAM, gaussian", "MOMENTUM, mask", "ADAM, none", "ADAGRAD, none"})
    void aContinuedRunTrainsBitForBitAsTheUninterruptedOne(OptimizerKind kind, String noise) {
        AutoencoderConfig c = config(kind, noise(noise));
        Saved saved = saveAfterN(c);

        AutoencoderLabTrainer continued = new AutoencoderLabTrainer(c, SEED, saved.json());

        assertThat(train(continued, K)).containsExactly(saved.next());
        assertThat(continued.captureInternals().decoder().epochs()).isEqualTo(N + K);
    }

    /**
     * An epoch of 2000 noisy 16 × 16 digits is half a million draws: the fast-forward redraws it a few batches per
     * piece (not an epoch, or 10⁸ draws, at once), and the continued run is still the uninterrupted one.
     */
    @Test
    void aLargeFastForwardIsRedrawnInPiecesOfBoundedDraws() {
        AutoencoderConfig c = new AutoencoderConfig(ImageSetKind.DIGITS_16, 2000, new int[]{4}, 2, Activation.TANH,
                true, AutoencoderLoss.MSE, AutoencoderNoise.gaussian(0.2), OptimizerKind.ADAM, 0.01);
        AutoencoderLabTrainer uninterrupted = new AutoencoderLabTrainer(c, SEED);
        train(uninterrupted, 2);
        String json = uninterrupted.captureInternals().decoder().weightsJson();
        double next = train(uninterrupted, 1)[0];

        AutoencoderLabTrainer continued = new AutoencoderLabTrainer(c, SEED, json);
        List<Long> fastForwardPieces = new java.util.ArrayList<>();
        while (continued.prepare()) {
            if (continued.lastPieceDraws() > 0) {
                fastForwardPieces.add(continued.lastPieceDraws());
            }
        }
        fastForwardPieces.add(continued.lastPieceDraws());
        // 2 epochs of 1999 shuffle draws and 2000 × 256 noise draws: at least 6 pieces of 200 000
        assertThat(fastForwardPieces).hasSizeGreaterThanOrEqualTo(6);
        long oneBatchMore = 1999 + AutoencoderConfig.BATCH_SIZE * 256 + 1;
        assertThat(fastForwardPieces).allSatisfy(draws -> assertThat(draws)
                .isLessThanOrEqualTo(io.tinynets.lab.ResumePoint.DRAWS_PER_PIECE + oneBatchMore));
        assertThat(train(continued, 1)[0]).isEqualTo(next);
    }

    /**
     * The saved weights of a 256-32-8 network with Adam's moments are about 51 000 numbers (the largest network's
     * take 15 ms to read at once): a continued run reads them a bounded number of tokens per piece while it prepares,
     * and still trains exactly as the uninterrupted run.
     */
    @Test
    void largeSavedWeightsAreReadInPiecesOfBoundedTokens() throws Exception {
        AutoencoderConfig c = new AutoencoderConfig(ImageSetKind.DIGITS_16, 100, new int[]{32}, 8, Activation.TANH,
                false, AutoencoderLoss.MSE, AutoencoderNoise.gaussian(0.2), OptimizerKind.ADAM, 0.01);
        AutoencoderLabTrainer uninterrupted = new AutoencoderLabTrainer(c, SEED);
        train(uninterrupted, 1);
        String json = uninterrupted.captureInternals().decoder().weightsJson();
        double[] next = train(uninterrupted, 2);
        assertThat(json).contains("\"optimizer\"", "\"epochs\"");
        long numbers = numbersIn(new ObjectMapper().readTree(json));
        assertThat(numbers).isGreaterThan(50_000);

        AutoencoderLabTrainer continued = new AutoencoderLabTrainer(c, SEED, json);
        List<Integer> readingPieces = new java.util.ArrayList<>();
        while (continued.prepare()) {
            if (continued.lastReadingPieceTokens() > 0) {
                readingPieces.add(continued.lastReadingPieceTokens());
            }
        }
        assertThat(readingPieces).hasSizeGreaterThanOrEqualTo((int) (numbers / JsonTreeInPieces.TOKENS_PER_PIECE));
        assertThat(readingPieces.stream().mapToLong(Integer::longValue).sum()).isGreaterThan(numbers);
        assertThat(readingPieces).allSatisfy(tokens ->
                assertThat(tokens).isBetween(1, JsonTreeInPieces.TOKENS_PER_PIECE));
        assertThat(train(continued, 2)).containsExactly(next);
    }

    private static long numbersIn(com.fasterxml.jackson.databind.JsonNode node) {
        long n = node.isNumber() ? 1 : 0;
        for (com.fasterxml.jackson.databind.JsonNode child : node) {
            n += numbersIn(child);
        }
        return n;
    }

    @ParameterizedTest
    @CsvSource({"ADAM", "MOMENTUM"})
    void withoutTheOptimizerStateTheContinuedRunWouldDiffer(OptimizerKind kind) throws Exception {
        AutoencoderConfig c = config(kind, noise("gaussian"));
        Saved saved = saveAfterN(c);
        assertThat(saved.json()).contains("\"optimizer\"", "\"epochs\"");

        double[] fresh = train(new AutoencoderLabTrainer(c, SEED, without(saved.json(), "optimizer")), K);
        assertThat(fresh[0]).isNotEqualTo(saved.next()[0]);
        double[] replay = train(new AutoencoderLabTrainer(c, SEED, without(saved.json(), "epochs")), K);
        assertThat(replay[0]).isNotEqualTo(saved.next()[0]);
    }

    @Test
    void olderSavedWeightsWithoutTheOptimizerStillContinueWithAFreshOne() {
        AutoencoderConfig c = config(OptimizerKind.ADAM, noise("none"));
        AutoencoderLabTrainer t = new AutoencoderLabTrainer(c, SEED);
        train(t, N);
        String old = AutoencoderWeights.write(t.captureInternals().decoder().frozenModelForTests());
        assertThat(old).doesNotContain("\"optimizer\"");

        AutoencoderLabTrainer continued = new AutoencoderLabTrainer(c, SEED, old);
        LatentDecoder d = continued.captureInternals().decoder();
        assertThat(d.optimizer().state().steps()).isZero();
        assertThat(d.epochs()).isZero();
        assertThat(train(continued, 1)[0]).isFinite();
    }

    @Test
    void aSavedStateOfAnotherOptimizerLeavesTheOptimizerFresh() {
        Saved adam = saveAfterN(config(OptimizerKind.ADAM, noise("none")));
        AutoencoderLabTrainer rms = new AutoencoderLabTrainer(config(OptimizerKind.RMSPROP, noise("none")), SEED,
                adam.json());
        assertThat(rms.captureInternals().decoder().optimizer().state().steps()).isZero();
        assertThat(train(rms, 1)[0]).isFinite();
    }
}
