package io.tinynets.training.lab;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One lab's configuration as versioned JSON: the lab's key (its route, written once here), how a configuration is
 * written, how a saved one is read back through the lab's own checks, and the names of its fields. The field names
 * are the configuration paths an assignment locks and a lab form registers its controls under, so a path is typed
 * once, in the codec.
 *
 * @param <C> the lab's configuration record
 */
public interface LabConfigCodec<C> {

    /** The lab's key, as experiments and assignments store it and as its route reads. */
    String lab();

    /** The schema version {@link #write} produces. */
    int version();

    String write(C config);

    /**
     * Reads a saved configuration strictly.
     *
     * @throws IllegalArgumentException naming the first problem (a translatable one where the lab has a message)
     */
    C read(String json, int version);

    /**
     * The paths a lab's controls are locked by: the JSON's top-level fields, and "seed" where an assignment may fix
     * the run's seed.
     */
    Set<String> fields();

    /** A codec from a lab's static write and read methods. */
    static <C> LabConfigCodec<C> of(String lab, int version, Function<C, String> writer,
                                    BiFunction<String, Integer, C> reader, Set<String> fields) {
        Set<String> paths = Set.copyOf(fields);
        return new LabConfigCodec<>() {
            @Override
            public String lab() {
                return lab;
            }

            @Override
            public int version() {
                return version;
            }

            @Override
            public String write(C config) {
                return writer.apply(config);
            }

            @Override
            public C read(String json, int v) {
                return reader.apply(json, v);
            }

            @Override
            public Set<String> fields() {
                return paths;
            }
        };
    }
}
