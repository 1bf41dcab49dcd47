package io.tinynets.data.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequenceTasksTest {

    @Test
    void delayedRecallTargetIsTheFirstSymbolAndTheGapIsBlank() {
        DelayedRecallTask task = new DelayedRecallTask(4, 7, false);
        SequenceBatch b = task.batch(10, new SplittableRandom(1));
        assertEquals(8, b.length());
        for (int r = 0; r < 10; r++) {
            int target = (int) b.targets()[0].get(r, 0);
            assertEquals(1.0, b.inputs()[0].get(r, target));
            for (int t = 1; t < 8; t++) {
                assertEquals(1.0, b.inputs()[t].get(r, 4), "blank channel at step " + t);
            }
        }
    }

    @Test
    void delayIsLimitedToOneToAHundred() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DelayedRecallTask(4, 101, false));
        assertEquals("delay must be in 1..100, was 101", e.getMessage());
        assertEquals(101, new DelayedRecallTask(4, 100, true).length());
    }

    @Test
    void sameSeedGivesTheSameBatches() {
        NoisySineTask a = NoisySineTask.w2(new SplittableRandom(7));
        NoisySineTask b = NoisySineTask.w2(new SplittableRandom(7));
        assertArrayEquals(a.series(), b.series(), 0.0);
        SequenceBatch x = a.batch(4, new SplittableRandom(3));
        SequenceBatch y = b.batch(4, new SplittableRandom(3));
        assertArrayEquals(x.targets()[0].data, y.targets()[0].data, 0.0);
    }

    @Test
    void noisySineTargetIsTheValueAfterTheWindow() {
        NoisySineTask task = new NoisySineTask(20, 25, 0.0, 500, false, new SplittableRandom(1));
        SequenceBatch b = task.batch(5, new SplittableRandom(2));
        for (int r = 0; r < 5; r++) {
            double last = b.inputs()[19].get(r, 0);
            double prev = b.inputs()[18].get(r, 0);
            // with no noise the series is sin(2πi/25): find i from two values and check the next
            double target = b.targets()[0].get(r, 0);
            double step = 2 * Math.PI / 25;
            double predicted = 2 * Math.cos(step) * last - prev; // sin((i+1)a) = 2cos(a)sin(ia) − sin((i−1)a)
            assertEquals(predicted, target, 1e-12);
        }
    }

    @Test
    void addingTargetIsTheSumOfTheTwoMarkedValues() {
        SequenceBatch b = new AddingTask(30).batch(8, new SplittableRandom(4));
        for (int r = 0; r < 8; r++) {
            double sum = 0;
            int marks = 0;
            for (int t = 0; t < 30; t++) {
                if (b.inputs()[t].get(r, 1) == 1.0) {
                    sum += b.inputs()[t].get(r, 0);
                    marks++;
                }
            }
            assertEquals(2, marks);
            assertEquals(sum, b.targets()[0].get(r, 0), 1e-15);
        }
    }

    @Test
    void builtInCorpusTreatsEachHangulSyllableAsOneCharacter() {
        NextCharacterTask task = NextCharacterTask.builtIn(16);
        assertTrue(task.alphabetSize() > 30 && task.alphabetSize() <= NextCharacterTask.MAX_ALPHABET);
        int han = task.indexOf("한".codePointAt(0));
        assertEquals("한", task.character(han));
        assertEquals(3, task.encode("고양이").length);
        SequenceBatch b = task.batch(3, new SplittableRandom(1));
        // the target at step t is the input at step t+1
        for (int t = 0; t < 15; t++) {
            for (int r = 0; r < 3; r++) {
                int next = (int) b.targets()[t].get(r, 0);
                assertEquals(1.0, b.inputs()[t + 1].get(r, next));
            }
        }
    }

    @Test
    void userTextIsValidatedWithClearMessages() {
        assertEquals("text is empty: enter at least 17 characters",
                assertThrows(IllegalArgumentException.class, () -> NextCharacterTask.fromText("  ", 16)).getMessage());
        assertEquals("text has 5 characters; a window of 16 steps needs at least 17",
                assertThrows(IllegalArgumentException.class, () -> NextCharacterTask.fromText("hello", 16))
                        .getMessage());
        String huge = "a".repeat(NextCharacterTask.MAX_TEXT_LENGTH + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NextCharacterTask.fromText(huge, 16))
                .getMessage().contains("at most 20000"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.appendCodePoint(0xAC00 + i);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NextCharacterTask.fromText(many.toString(), 16))
                .getMessage().contains("300 different characters; at most 256"));
        assertEquals(3, NextCharacterTask.fromText("abcabcabcabcabcabcabc", 16).alphabetSize());
    }
}
