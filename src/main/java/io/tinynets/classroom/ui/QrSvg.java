package io.tinynets.classroom.ui;

import io.nayuki.qrcodegen.QrCode;

/**
 * A text as a QR code in SVG, made on the server: one dark square per module on a white background with the standard
 * quiet zone of four modules, so phones read it from a projector in a light or dark theme alike.
 */
final class QrSvg {

    /** The quiet zone around the code, in modules (the QR standard asks for four). */
    static final int BORDER = 4;

    private QrSvg() {
    }

    /** The code for {@code text} (medium error correction: a smudged projector still reads). */
    static QrCode encode(String text) {
        return QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    }

    /**
     * The SVG of the code, {@code pixels} wide and high, with {@code label} as its accessible name. The label is
     * escaped: it may come from a class name.
     */
    static String svg(QrCode code, int pixels, String label) {
        int size = code.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + pixels + "\" height=\"" + pixels
                + "\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\" role=\"img\""
                + " aria-label=\"" + escape(label) + "\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#ffffff\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
