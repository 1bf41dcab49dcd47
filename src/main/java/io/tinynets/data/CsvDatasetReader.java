package io.tinynets.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a user's own 2D classification data: one point per line as {@code x1,x2,label}, an optional header line
 * whose three fields are not numbers (e.g. {@code x1,x2,label}), blank lines ignored. Labels are whole numbers;
 * the distinct labels, sorted, become classes 0..K−1 (so −1/1 or 0/1 both give binary data).
 *
 * <p>Everything is validated before anything is returned: the first problem throws a {@link CsvFormatException}
 * with its line number, so a file is loaded whole or not at all. Limits: at most {@value #MAX_ROWS} data rows and
 * {@value #MAX_CLASSES} classes, at least 2 classes.
 */
public final class CsvDatasetReader {

    public static final int MAX_ROWS = 10_000;
    /** The largest file the playground's upload accepts (1 MB): 10,000 rows of long decimals fit with room to spare. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_CLASSES = 10;
    private static final String[] COLUMNS = {"x1", "x2", "label"};
    /** Plain decimal numbers only: no hex floats, no 'd'/'f' suffixes that Double.parseDouble would accept. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The loaded points (labels already class indices) and the original label value of each class. */
    public record Result(List<Point2D> points, double[] classLabels) {
        public int classes() {
            return classLabels.length;
        }
    }

    public Result read(Reader source) {
        List<double[]> rows = new ArrayList<>();
        TreeMap<Double, Integer> firstLineOfLabel = new TreeMap<>();
        int lineNumber = 0;
        boolean seenContent = false;
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (!seenContent && fields.length == 3 && isHeader(fields)) {
                    seenContent = true;
                    continue;
                }
                seenContent = true;
                if (line.indexOf('"') >= 0 || line.indexOf('\'') >= 0) {
                    throw new CsvFormatException(lineNumber, "quoted", "quoted fields are not supported; write plain "
                            + "numbers as x1,x2,label");
                }
                if (fields.length != 3) {
                    throw new CsvFormatException(lineNumber, "columns", "expected 3 columns (x1,x2,label) but found "
                            + fields.length, fields.length);
                }
                if (rows.size() == MAX_ROWS) {
                    throw new CsvFormatException(lineNumber, "tooManyRows", "too many rows: at most " + MAX_ROWS
                            + " data rows are allowed", String.valueOf(MAX_ROWS));
                }
                double[] row = new double[3];
                for (int c = 0; c < 3; c++) {
                    row[c] = parse(fields[c].trim(), COLUMNS[c], lineNumber);
                }
                if (row[2] != Math.rint(row[2])) {
                    throw new CsvFormatException(lineNumber, "labelNotWhole", "label must be a whole number (a class), was "
                            + fields[2].trim(), fields[2].trim());
                }
                if (!firstLineOfLabel.containsKey(row[2])) {
                    if (firstLineOfLabel.size() == MAX_CLASSES) {
                        throw new CsvFormatException(lineNumber, "tooManyClasses", "too many classes: label "
                                + fields[2].trim() + " would be class " + (MAX_CLASSES + 1) + ", at most "
                                + MAX_CLASSES + " are allowed", fields[2].trim(), MAX_CLASSES);
                    }
                    firstLineOfLabel.put(row[2], lineNumber);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException(Math.max(1, lineNumber), "noRows", "no data rows: expected lines of "
                    + "x1,x2,label");
        }
        if (firstLineOfLabel.size() < 2) {
            throw new CsvFormatException(lineNumber, "oneClass", "only one class (label "
                    + firstLineOfLabel.firstKey() + ") found; at least 2 classes are needed",
                    String.valueOf(firstLineOfLabel.firstKey()));
        }
        TreeSet<Double> labels = new TreeSet<>(firstLineOfLabel.keySet());
        double[] classLabels = labels.stream().mapToDouble(Double::doubleValue).toArray();
        List<Point2D> points = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            points.add(new Point2D(row[0], row[1], labels.headSet(row[2]).size()));
        }
        return new Result(List.copyOf(points), classLabels);
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            String s = f.trim();
            if (s.isEmpty() || NUMBER.matcher(s).matches() || isNonFiniteWord(s)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNonFiniteWord(String s) {
        String l = s.toLowerCase().replace("+", "").replace("-", "");
        return l.equals("nan") || l.equals("inf") || l.equals("infinity");
    }

    private static double parse(String s, String column, int line) {
        if (s.isEmpty()) {
            throw new CsvFormatException(line, "empty", "column " + column + " is empty", column);
        }
        if (isNonFiniteWord(s)) {
            throw new CsvFormatException(line, "notFinite", "column " + column + " is " + s
                    + "; only finite numbers are allowed", column, s);
        }
        if (!NUMBER.matcher(s).matches()) {
            throw new CsvFormatException(line, "notNumber", "column " + column + ": '" + s + "' is not a number",
                    column, s);
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new CsvFormatException(line, "tooLarge", "column " + column + ": " + s
                    + " is too large to be a finite number", column, s);
        }
        return v;
    }
}
