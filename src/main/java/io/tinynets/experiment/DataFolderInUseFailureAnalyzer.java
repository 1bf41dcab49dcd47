package io.tinynets.experiment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the data-folder clash as a short, plain start-up message instead of a stack trace. */
class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other server using " + cause.folder() + ", or set tinynets.data-dir to another folder.",
                cause);
    }
}
