package io.tinynets.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * The server side of an upload control that never holds more than its limit, checked on the server whatever the
 * browser was told ({@code Upload.setMaxFileSize} alone is a hint to the browser): a file declared larger is refused
 * before a byte is read, and one that streams past the limit is cut off there. Raw ({@code application/octet-stream})
 * and multipart requests alike. The accepted bytes, or the refusal, reach the view on its UI thread.
 *
 * <p>In front of it, {@code RequestBodyLimitFilter} already cuts every upload request at the largest upload limit of
 * the server; this handler holds each control to its own.
 *
 * <pre>{@code
 * Upload upload = BoundedUpload.control(1 << 20, bytes -> load(bytes), () -> showTooLarge());
 * }</pre>
 */
public final class BoundedUpload implements UploadHandler {

    /** Room for a multipart body's boundaries and part headers around the file itself. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final String REFUSED = BoundedUpload.class.getName() + ".refused";
    private static final int CHUNK = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BoundedUpload.class);

    private final long maxBytes;
    private final SerializableConsumer<byte[]> onReceived;
    private final SerializableRunnable onTooLarge;

    /**
     * @param maxBytes   the most bytes a file may have
     * @param onReceived gets the whole file, on the UI thread
     * @param onTooLarge told, on the UI thread, that a file was refused for its size
     */
    public BoundedUpload(long maxBytes, SerializableConsumer<byte[]> onReceived, SerializableRunnable onTooLarge) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.onReceived = onReceived;
        this.onTooLarge = onTooLarge;
    }

    /**
     * An upload control for one file of at most {@code maxBytes}: the browser is told the limit (and says so in the
     * user's language), and the server enforces it.
     */
    public static Upload control(long maxBytes, SerializableConsumer<byte[]> onReceived,
                                 SerializableRunnable onTooLarge) {
        Upload upload = new Upload(new BoundedUpload(maxBytes, onReceived, onTooLarge));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        // the component's own texts in the user's language, with the refusals naming this control's limit
        UploadI18N texts = UploadTexts.of(upload);
        texts.getError().setFileIsTooBig(upload.getTranslation("upload.tooLarge", size(maxBytes)))
                .setTooManyFiles(upload.getTranslation("upload.oneFile"));
        upload.setI18n(texts);
        return upload;
    }

    /** A size as people read it: "5 MB", "512 KB", "300 bytes" (binary units). */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return number(bytes / (1024.0 * 1024)) + " MB";
        }
        if (bytes >= 1024) {
            return number(bytes / 1024.0) + " KB";
        }
        return bytes + " bytes";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        // a declared size above the limit is refused before anything is read (for a streamed multipart body Vaadin
        // declares the whole request's length, so its headers are allowed for)
        String type = event.getRequest().getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long declaredMax = multipart ? maxBytes + MULTIPART_OVERHEAD : maxBytes;
        byte[] bytes = event.getFileSize() > declaredMax ? null : readAtMost(event.getInputStream(), maxBytes);
        if (bytes == null) {
            log.info("refused an upload of more than {} bytes ({} declared)", maxBytes, event.getFileSize());
            event.getRequest().setAttribute(REFUSED, Boolean.TRUE);
            ui.access(onTooLarge::run);
            return;
        }
        ui.access(() -> onReceived.accept(bytes));
    }

    /**
     * The bytes of {@code in}, or null as soon as it holds more than {@code max}: never more is kept. Read in chunks
     * and joined once at the end, so the file is held once while it streams in (a growing buffer would hold up to
     * twice its size) and at most twice for the moment of joining.
     */
    public static byte[] readAtMost(InputStream in, long max) throws IOException {
        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = new byte[(int) Math.min(CHUNK, max - total + 1)];
            int filled = 0;
            int n = 0;
            while (filled < chunk.length && (n = in.read(chunk, filled, chunk.length - filled)) >= 0) {
                filled += n;
            }
            total += filled;
            if (total > max) {
                return null;
            }
            chunks.add(filled == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, filled));
            if (n < 0) {
                break;
            }
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getAttribute(REFUSED) != null) {
            response.setStatus(413);
        } else {
            UploadHandler.super.responseHandled(success, response);
        }
    }

    /**
     * No size limit for Vaadin's own multipart parsing: this handler counts the file's bytes itself (and the request
     * body limit filter the request's), so every refusal for size is answered the same way, with 413 and the user's
     * message, instead of Vaadin's generic failure.
     */
    @Override
    public long getRequestSizeMax() {
        return -1;
    }

    @Override
    public long getFileSizeMax() {
        return -1;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
