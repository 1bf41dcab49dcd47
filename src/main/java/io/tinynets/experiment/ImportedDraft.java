package io.tinynets.experiment;

import java.nio.charset.StandardCharsets;

/**
 * One experiment read from an export file: its draft without the weights, and where its weights lie in the file.
 * Weights are most of a large file; kept as text beside the file they doubled what an import holds (and a 2 MB string
 * fills whole heap regions), so they stay bytes of the file, already checked by the reader (well-formed JSON, at most
 * {@link ExperimentLimits#WEIGHTS_MAX_CHARS} characters), and become text one experiment at a time, when it is saved.
 *
 * @param draft   the experiment with {@code weightsJson} null
 * @param file    the export file's bytes (shared by every experiment of the file, never copied)
 * @param offset  where the weights' JSON value starts in {@code file}, or -1 when the experiment has no weights
 * @param length  its length in bytes
 */
record ImportedDraft(ExperimentDraft draft, byte[] file, int offset, int length) {

    ImportedDraft {
        if (offset >= 0 && (file == null || length < 0 || offset + length > file.length)) {
            throw new IllegalArgumentException("weights outside the file");
        }
    }

    static ImportedDraft withoutWeights(ExperimentDraft draft) {
        return new ImportedDraft(draft, null, -1, 0);
    }

    boolean hasWeights() {
        return offset >= 0;
    }

    /** The same weights with another draft (the validated one). */
    ImportedDraft with(ExperimentDraft checked) {
        return new ImportedDraft(checked, file, offset, length);
    }

    /** The draft to save, its weights made text now: exactly the file's characters (a JSON value). */
    ExperimentDraft complete() {
        if (!hasWeights()) {
            return draft;
        }
        String weights = new String(file, offset, length, StandardCharsets.UTF_8);
        ExperimentDraft d = draft;
        return new ExperimentDraft(d.lab(), d.name(), d.notes(), d.tags(), d.configJson(), d.configVersion(),
                d.seed(), d.curves(), d.finalMetrics(), weights, d.picture(), d.provenance());
    }
}
