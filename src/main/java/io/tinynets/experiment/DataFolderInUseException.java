package io.tinynets.experiment;

import java.nio.file.Path;

/** A second server was started on a data folder whose database another running server holds. */
public class DataFolderInUseException extends IllegalStateException {

    private final Path folder;

    DataFolderInUseException(Path folder, Throwable cause) {
        super("The data folder " + folder + " is already in use by another running Tiny Nets Lab server (its "
                + "database is locked). Stop that server first, or start this one on another folder with "
                + "--tinynets.data-dir=<folder>. Nothing was changed.", cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
