package io.tinynets.lab.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a sequence-lab session keeps on the heap for its trainer (issue 18: ≤ 4 MB per session with a lab training):
 * the bytes of every double[] reachable from the classroom default's trainer after a few epochs, counted by a small
 * reflective walk (the engine's per-time-step caches are almost all of it).
 */
class SequenceTrainerMemoryTest {

    /**
     * Three cells × 21 steps of the default task: each cell's per-step caches are sized by the largest batch it ran,
     * and the evaluation batch ({@value SequenceTrainer#EVAL_BATCH}) runs in passes of a training batch
     * ({@value SequenceTrainer#BATCH}), so they stay the size of a training batch. Measured 1.71 MB (2.95 MB when the
     * evaluation grew them to 64 rows per step).
     */
    @Test
    void theDefaultRaceKeepsCachesTheSizeOfATrainingBatch() {
        SequenceTrainer trainer = new SequenceTrainer(SequenceConfig.defaults(), new LiveOptions(), 7);
        for (int e = 0; e < 5; e++) {
            trainer.trainEpoch();
        }
        trainer.captureInternals();
        long bytes = doubleBytesReachableFrom(trainer);
        System.out.printf("sequence trainer (default race) after 5 epochs: %,d bytes of double[] reachable%n", bytes);
        assertThat(bytes).as("bytes of double[] the trainer holds").isLessThan(1_900_000);
    }

    /** Σ 8·length over the distinct double[] reachable from {@code root} through fields and array elements. */
    static long doubleBytesReachableFrom(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long bytes = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c == double[].class) {
                bytes += 8L * ((double[]) o).length;
                continue;
            }
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (int i = 0, n = Array.getLength(o); i < n; i++) {
                        Object e = Array.get(o, i);
                        if (e != null) {
                            todo.push(e);
                        }
                    }
                }
                continue;
            }
            if (o instanceof Collection<?> items) {
                // the JDK's collections are closed to reflection: walk their elements
                items.stream().filter(Objects::nonNull).forEach(todo::push);
                continue;
            }
            if (o instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    todo.push(k);
                    if (v != null) {
                        todo.push(v);
                    }
                });
                continue;
            }
            if (c.getName().startsWith("java.")) {
                continue;
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Object v = f.get(o);
                        if (v != null) {
                            todo.push(v);
                        }
                    } catch (RuntimeException | IllegalAccessException ex) {
                        // a JDK class closed to reflection: nothing of the engine's lives there
                    }
                }
            }
        }
        return bytes;
    }
}
