package io.tinynets.base.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * A response that ignores everything written, and every status set, once {@code refused} is true: the request body
 * went past its limit, so the filter answers with its refusal instead of the application's (an error page, Vaadin's
 * "internal error" JSON). Before that it is the plain response.
 */
final class LimitedResponse extends HttpServletResponseWrapper {

    private final BooleanSupplier refused;
    private ServletOutputStream stream;
    private PrintWriter writer;

    LimitedResponse(HttpServletResponse response, BooleanSupplier refused) {
        super(response);
        this.refused = refused;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Guarded(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1 : java.nio.charset.Charset.forName(encoding)));
        }
        return writer;
    }

    @Override
    public void setStatus(int sc) {
        if (!refused.getAsBoolean()) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!refused.getAsBoolean()) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!refused.getAsBoolean()) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!refused.getAsBoolean()) {
            super.flushBuffer();
        }
    }

    private final class Guarded extends ServletOutputStream {

        private final ServletOutputStream out;

        Guarded(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (!refused.getAsBoolean()) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!refused.getAsBoolean()) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!refused.getAsBoolean()) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!refused.getAsBoolean()) {
                out.close();
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
