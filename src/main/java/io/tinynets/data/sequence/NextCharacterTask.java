package io.tinynets.data.sequence;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Next-character prediction (min-char-rnn's task): the alphabet is every distinct character of the text (a Hangul
 * syllable such as 한 is one character, as a Unicode code point), each step's input is the one-hot code of a
 * character and the target at every step is the index of the character that follows. Batches are windows at random
 * offsets of the text.
 *
 * <p>{@link #builtIn(int)} uses a small corpus of English and Korean sentences; {@link #fromText(String, int)} takes a
 * user's text and rejects, with a message naming the limit, text that is empty, too short for one window, too long,
 * or has too large an alphabet.
 */
public final class NextCharacterTask implements SequenceTask {

    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_ALPHABET = 256;
    public static final int MAX_WINDOW = 200;

    /** The built-in corpus: short everyday sentences, English then Korean, one per line. */
    public static final String BUILT_IN_CORPUS = String.join("\n",
            "the cat sat on the mat.",
            "a small network can learn a simple pattern.",
            "the sun rises in the east and sets in the west.",
            "we train the model one step at a time.",
            "the rain falls and the river runs to the sea.",
            "learning is a long walk, not a race.",
            "오늘은 날씨가 좋습니다.",
            "고양이가 매트 위에 앉았습니다.",
            "작은 신경망도 간단한 규칙을 배울 수 있습니다.",
            "해는 동쪽에서 뜨고 서쪽으로 집니다.",
            "우리는 모델을 한 걸음씩 학습시킵니다.",
            "비가 내리고 강물은 바다로 흘러갑니다.",
            "배움은 경주가 아니라 긴 산책입니다.",
            "");

    private final int[] text;
    private final int[] alphabet;
    private final Map<Integer, Integer> index;
    private final int window;

    private NextCharacterTask(int[] codePoints, int window) {
        this.text = codePoints;
        this.window = window;
        this.alphabet = Arrays.stream(codePoints).distinct().sorted().toArray();
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < alphabet.length; i++) {
            index.put(alphabet[i], i);
        }
    }

    /** The built-in English + Korean corpus, windows of {@code window} steps (2..200). */
    public static NextCharacterTask builtIn(int window) {
        return fromText(BUILT_IN_CORPUS, window);
    }

    /**
     * A task over the user's {@code text} (line endings normalised to \n).
     *
     * @throws IllegalArgumentException with a message for the user when the text is empty, shorter than
     *                                  window + 1 characters, longer than {@value #MAX_TEXT_LENGTH}, or uses more than
     *                                  {@value #MAX_ALPHABET} distinct characters
     */
    public static NextCharacterTask fromText(String text, int window) {
        SequenceTask.checkRange("window", window, 2, MAX_WINDOW);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is empty: enter at least " + (window + 1) + " characters");
        }
        int[] cps = text.replace("\r\n", "\n").replace('\r', '\n').codePoints().toArray();
        if (cps.length > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text has " + cps.length + " characters; at most " + MAX_TEXT_LENGTH
                    + " are allowed");
        }
        if (cps.length < window + 1) {
            throw new IllegalArgumentException("text has " + cps.length + " characters; a window of " + window
                    + " steps needs at least " + (window + 1));
        }
        long distinct = Arrays.stream(cps).distinct().count();
        if (distinct > MAX_ALPHABET) {
            throw new IllegalArgumentException("text uses " + distinct + " different characters; at most "
                    + MAX_ALPHABET + " are allowed (use a shorter text or fewer symbols)");
        }
        return new NextCharacterTask(cps, window);
    }

    @Override
    public String key() {
        return "next_character";
    }

    /** The distinct characters as strings, in code-point order; index i is one-hot channel i and class i. */
    public String[] alphabet() {
        return Arrays.stream(alphabet).mapToObj(Character::toString).toArray(String[]::new);
    }

    public int alphabetSize() {
        return alphabet.length;
    }

    /** The class index of a character (one code point). */
    public int indexOf(int codePoint) {
        Integer i = index.get(codePoint);
        if (i == null) {
            throw new IllegalArgumentException("character '" + Character.toString(codePoint)
                    + "' is not in the task's alphabet");
        }
        return i;
    }

    /** The character of a class index. */
    public String character(int index) {
        if (index < 0 || index >= alphabet.length) {
            throw new IllegalArgumentException("index must be in 0.." + (alphabet.length - 1) + ", was " + index);
        }
        return Character.toString(alphabet[index]);
    }

    /** Length of the text in characters. */
    public int textLength() {
        return text.length;
    }

    @Override
    public int inputSize() {
        return alphabet.length;
    }

    @Override
    public int outputSize() {
        return alphabet.length;
    }

    @Override
    public int length() {
        return window;
    }

    @Override
    public boolean manyToMany() {
        return true;
    }

    @Override
    public boolean classification() {
        return true;
    }

    /** One sequence encoding {@code s} (any length ≥ 1, every character in the alphabet), batch of 1. */
    public DMatrixRMaj[] encode(String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0) {
            throw new IllegalArgumentException("text to encode is empty");
        }
        DMatrixRMaj[] x = new DMatrixRMaj[cps.length];
        for (int t = 0; t < cps.length; t++) {
            x[t] = new DMatrixRMaj(1, alphabet.length);
            x[t].data[indexOf(cps[t])] = 1.0;
        }
        return x;
    }

    @Override
    public SequenceBatch batch(int batchSize, SplittableRandom random) {
        SequenceTask.checkBatchSize(batchSize);
        int v = alphabet.length;
        DMatrixRMaj[] x = new DMatrixRMaj[window];
        DMatrixRMaj[] y = new DMatrixRMaj[window];
        for (int t = 0; t < window; t++) {
            x[t] = new DMatrixRMaj(batchSize, v);
            y[t] = new DMatrixRMaj(batchSize, 1);
        }
        for (int b = 0; b < batchSize; b++) {
            int start = random.nextInt(text.length - window);
            for (int t = 0; t < window; t++) {
                x[t].data[b * v + index.get(text[start + t])] = 1.0;
                y[t].data[b] = index.get(text[start + t + 1]);
            }
        }
        return new SequenceBatch(x, y);
    }
}
