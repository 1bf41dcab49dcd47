package io.tinynets.data.images;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageSetKindTest {

    @ParameterizedTest
    @EnumSource(ImageSetKind.class)
    void sameSeedGivesTheSameSamplesAndADifferentSeedDoesNot(ImageSetKind kind) {
        ImageSet a = kind.generate(50, new SplittableRandom(1));
        ImageSet b = kind.generate(50, new SplittableRandom(1));
        ImageSet c = kind.generate(50, new SplittableRandom(2));
        assertArrayEquals(a.samples().data, b.samples().data, 0.0);
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(java.util.Arrays.equals(a.samples().data, c.samples().data));
    }

    /** A trainer draws its data a piece at a time: the same samples and the same draws, in bounded pieces. */
    @ParameterizedTest
    @EnumSource(ImageSetKind.class)
    void drawnInPiecesTheSetAndTheGeneratorAreThoseOfOneGeneration(ImageSetKind kind) {
        SplittableRandom whole = new SplittableRandom(4);
        ImageSet expected = kind.generate(2000, whole);
        SplittableRandom inPieces = new SplittableRandom(4);
        ImageGeneration generation = kind.start(2000, inPieces);
        int steps = 0;
        while (!generation.step()) {
            steps++;
        }
        steps++;
        ImageSet set = generation.result();
        assertArrayEquals(expected.samples().data, set.samples().data, 0.0);
        assertArrayEquals(expected.labels(), set.labels());
        assertEquals(expected.classNames(), set.classNames());
        assertEquals(expected.width(), set.width());
        assertEquals(whole.nextLong(), inPieces.nextLong());
        // at most VALUES_PER_PIECE pixels a piece: 64 digits of 16 x 16, so 2000 of them take 32 pieces
        int perPiece = ImageGeneration.VALUES_PER_PIECE / set.features();
        assertEquals(perPiece, generation.samplesPerPiece());
        assertEquals((2000 + perPiece - 1) / perPiece, steps);
    }

    @Test
    void theSetIsNotThereBeforeItsLastSample() {
        ImageGeneration generation = ImageSetKind.DIGITS_16.start(2000, new SplittableRandom(1));
        generation.step();
        assertThrows(IllegalStateException.class, generation::result);
    }

    @ParameterizedTest
    @EnumSource(ImageSetKind.class)
    void everyClassAppearsAndValuesAreInRange(ImageSetKind kind) {
        ImageSet set = kind.generate(40, new SplittableRandom(3));
        int[] counts = new int[set.classNames().size()];
        for (int label : set.labels()) {
            counts[label]++;
        }
        for (int i = 0; i < counts.length; i++) {
            assertTrue(counts[i] > 0, "class " + set.classNames().get(i) + " missing");
        }
        double lo = kind.isImage() ? 0.0 : -1.2;
        double hi = kind.isImage() ? 1.0 : 1.2;
        for (double v : set.samples().data) {
            assertTrue(v >= lo && v <= hi, "value " + v + " outside [" + lo + ", " + hi + "]");
        }
    }

    @Test
    void digitsHaveInkWhereTheStrokesAreAndBlankCorners() {
        ImageSet set = ImageSetKind.DIGITS_16.generate(10, new SplittableRandom(4));
        for (int i = 0; i < 10; i++) {
            double ink = 0;
            for (double v : set.sample(i)) {
                ink += v;
            }
            // a stroke covers roughly 10–45% of a 16×16 image; pixel noise alone stays far below
            assertTrue(ink > 20 && ink < 120, "digit " + i + " ink " + ink);
            assertTrue(set.samples().get(i, 0) < 0.3, "top-left corner of digit " + i + " should be blank");
        }
    }

    @Test
    void digitOneHasLessInkThanDigitEight() {
        ImageSet set = ImageSetKind.DIGITS_8.generate(200, new SplittableRandom(5));
        double[] ink = new double[10];
        for (int i = 0; i < set.size(); i++) {
            for (double v : set.sample(i)) {
                ink[set.labels()[i]] += v;
            }
        }
        assertTrue(ink[1] < 0.7 * ink[8], "ones " + ink[1] + " vs eights " + ink[8]);
    }

    @Test
    void sampleCountOutsideTheRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSetKind.SHAPES.generate(5, new SplittableRandom(1)));
        assertEquals("sample count must be in 10..5000, was 5", e.getMessage());
    }

    @Test
    void shapesAreSixteenPixelsSquareAndPointsAreThreeD() {
        assertEquals(256, ImageSetKind.SHAPES.generate(10, new SplittableRandom(1)).features());
        assertEquals(3, ImageSetKind.SURFACE_3D.generate(10, new SplittableRandom(1)).features());
    }
}
