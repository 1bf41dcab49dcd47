package io.tinynets.base.web;

import io.tinynets.base.ui.BoundedUpload;
import io.tinynets.base.ui.TranslationProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body before anything buffers it, whatever the endpoint and the content type (raw
 * {@code application/octet-stream}, multipart, form, JSON): a body declared larger than the endpoint's limit is
 * refused at once with 413 without reading a byte, and a body that streams past it (chunked, or lying about its length)
 * is cut off at the limit. The refusal says why in the visitor's language.
 *
 * <p>An upload (Vaadin's {@code /VAADIN/dynamic/resource/…} URLs) may bring the largest upload of the server,
 * {@link BodyLimits#upload()} plus room for multipart headers, and each upload control holds its own file to its own
 * limit ({@link BoundedUpload}); any other request may bring {@link BodyLimits#requestBody()}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final String UPLOADS = "/VAADIN/dynamic/resource/";
    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final BodyLimits limits;
    private final TranslationProvider translations;

    public RequestBodyLimitFilter(BodyLimits limits, TranslationProvider translations) {
        this.limits = limits;
        this.translations = translations;
    }

    /** The most bytes a body to this path may bring. */
    long limitFor(String path) {
        return path.startsWith(UPLOADS) ? limits.upload().toBytes() + BoundedUpload.MULTIPART_OVERHEAD
                : limits.requestBody().toBytes();
    }

    /** The limit as the README and the refusal state it: the file's, without the room for multipart headers. */
    private long statedLimit(String path) {
        return path.startsWith(UPLOADS) ? limits.upload().toBytes() : limits.requestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = limitFor(path);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, statedLimit(path), declared);
            return;
        }
        if (declared < 0 && isForm(request)) {
            // the container parses a form from its own buffer, past this filter's count: a form must say its length
            refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "request.lengthRequired",
                    statedLimit(path));
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit);
        // once the body went past the limit, whatever the application answers (Vaadin's "internal error") is dropped:
        // the answer is this filter's refusal
        LimitedResponse answer = new LimitedResponse(response, limited::exceeded);
        try {
            chain.doFilter(limited, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!limited.exceeded()) {
                throw e;
            }
        }
        if (limited.exceeded() && !response.isCommitted()) {
            response.reset();
            refuse(request, response, statedLimit(path), -1);
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit, long declared)
            throws IOException {
        log.info("refused a request body to {} from {}: {} bytes declared, at most {} accepted",
                request.getRequestURI(), request.getRemoteAddr(), declared < 0 ? "more than the limit" : declared,
                limit);
        refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request.tooLarge", limit);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key,
                        long limit) throws IOException {
        // the client may still be sending: tell it the connection ends here, so nothing more is read
        response.setHeader("Connection", "close");
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        String text = translations.getTranslation(key, request.getLocale(), BoundedUpload.size(limit));
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }
}
