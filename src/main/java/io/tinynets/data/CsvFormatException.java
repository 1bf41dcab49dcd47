package io.tinynets.data;

/**
 * A user's CSV file was rejected: {@link #line()} is the 1-based line the problem is on, {@link #detail()} says what
 * is wrong in words a student can act on. The message reads "line N: detail".
 */
public final class CsvFormatException extends IllegalArgumentException {

    private final int line;
    private final String detail;

    public CsvFormatException(int line, String detail) {
        super("line " + line + ": " + detail);
        this.line = line;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
