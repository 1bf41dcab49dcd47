package io.tinynets.experiment.ui;

import com.vaadin.flow.component.upload.Upload;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** Lets tests of other packages reach the experiments page's package-private parts. */
public final class ExperimentsViewAccess {

    private ExperimentsViewAccess() {
    }

    /** The import upload of the experiments page open now. */
    public static Upload upload() {
        return _get(ExperimentsView.class).upload;
    }
}
