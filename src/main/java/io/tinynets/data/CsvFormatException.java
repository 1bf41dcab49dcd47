package io.tinynets.data;

/**
 * A user's CSV file was rejected: {@link #line()} is the 1-based line the problem is on, {@link #detail()} says what
 * is wrong in words a student can act on. The message reads "line N: detail". {@link #messageKey()} and
 * {@link #args()} let a UI say the same in the user's language ({@code csv.error.<reason>}, the arguments in order).
 */
public final class CsvFormatException extends IllegalArgumentException {

    private final int line;
    private final String reason;
    private final String detail;
    private final Object[] args;

    /**
     * @param reason a stable name of the problem ("columns", "notNumber"…), the key suffix of its translated text
     * @param detail the English explanation
     * @param args   the values a translated text needs, in order
     */
    public CsvFormatException(int line, String reason, String detail, Object... args) {
        super("line " + line + ": " + detail);
        this.line = line;
        this.reason = reason;
        this.detail = detail;
        this.args = args.clone();
    }

    /** The translation key of this problem: {@code csv.error.<reason>}. */
    public String messageKey() {
        return "csv.error." + reason;
    }

    /** The arguments of the translated text, in order. */
    public java.util.List<Object> args() {
        return java.util.List.of(args);
    }

    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
