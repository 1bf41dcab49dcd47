package io.tinynets.experiment;

import java.util.List;

/** The outcome of an import: either all experiments of the file were saved (their new ids), or none and why. */
public record ImportResult(List<Long> savedIds, ImportProblem problem) {

    public ImportResult {
        savedIds = List.copyOf(savedIds);
    }

    static ImportResult saved(List<Long> ids) {
        return new ImportResult(ids, null);
    }

    static ImportResult refused(ImportProblem problem) {
        return new ImportResult(List.of(), problem);
    }

    public boolean ok() {
        return problem == null;
    }
}
