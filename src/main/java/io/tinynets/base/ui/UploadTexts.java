package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;

/**
 * The upload component's own texts ("Drop file here", "Upload File…", its errors and progress) in the user's
 * language: Vaadin ships them in English only.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component c) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t(c, "upload.dropFile"))
                .setMany(t(c, "upload.dropFiles")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t(c, "upload.addFile"))
                .setMany(t(c, "upload.addFiles")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t(c, "upload.error.tooMany"))
                .setFileIsTooBig(t(c, "upload.error.tooBig"))
                .setIncorrectFileType(t(c, "upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(c, "upload.status.connecting"))
                        .setStalled(t(c, "upload.status.stalled"))
                        .setProcessing(t(c, "upload.status.processing"))
                        .setHeld(t(c, "upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t(c, "upload.remaining.prefix"))
                        .setUnknown(t(c, "upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t(c, "upload.error.serverUnavailable"))
                        .setUnexpectedServerError(t(c, "upload.error.server"))
                        .setForbidden(t(c, "upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(t(c, "upload.file.retry")).setStart(t(c, "upload.file.start"))
                .setRemove(t(c, "upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    private static String t(Component c, String key) {
        return c.getTranslation(key);
    }
}
