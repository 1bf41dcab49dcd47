package io.tinynets.base.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body can be read only up to {@code limit} bytes: reading further throws
 * {@link BodyTooLargeException}, so whoever reads it (Vaadin's upload handling, a multipart parser, JSON) stops there
 * and nothing past the limit is ever buffered. Counts bytes as they stream, whatever the body claims to be.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;
    private volatile boolean exceeded;

    LimitedRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    /** True once something tried to read past the limit. */
    boolean exceeded() {
        return exceeded;
    }

    long limit() {
        return limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counting(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    /** Thrown by a read past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes", null);
        }
    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long count;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            refuseIfPast();
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseIfPast();
            // never ask for more than one byte past the limit: enough to know it was passed
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            refuseIfPast();
        }

        private void refuseIfPast() throws BodyTooLargeException {
            if (count > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
