package io.tinynets.data;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvDatasetReaderTest {

    private static CsvDatasetReader.Result read(String text) {
        return new CsvDatasetReader().read(new StringReader(text));
    }

    private static CsvFormatException rejected(String text) {
        return assertThrows(CsvFormatException.class, () -> read(text));
    }

    @Test
    void readsPointsWithHeaderAndMapsLabelsToClassIndices() {
        CsvDatasetReader.Result r = read("x1,x2,label\n0.5,-1,1\n\n2e-1, 3 ,-1\r\n1,1,1\n");
        assertEquals(3, r.points().size());
        assertArrayEquals(new double[]{-1, 1}, r.classLabels(), 0);
        assertEquals(new Point2D(0.5, -1, 1), r.points().get(0));
        assertEquals(new Point2D(0.2, 3, 0), r.points().get(1));
    }

    @Test
    void wrongColumnCountNamesTheLine() {
        CsvFormatException e = rejected("1,2,0\n3,4\n");
        assertEquals(2, e.line());
        assertEquals("line 2: expected 3 columns (x1,x2,label) but found 2", e.getMessage());
    }

    @Test
    void nonNumbersNaNAndEmptyFieldsEachGetTheirOwnMessage() {
        assertEquals("line 3: column x2: 'abc' is not a number", rejected("1,2,0\n1,1,1\n1,abc,0").getMessage());
        assertEquals("line 2: column x1 is NaN; only finite numbers are allowed",
                rejected("1,2,0\nNaN,1,1").getMessage());
        assertEquals("line 1: column label is empty", rejected("1,2,\n").getMessage());
        assertEquals("line 2: column x1: '0x1p3' is not a number", rejected("1,2,0\n0x1p3,1,1").getMessage());
        assertEquals("line 2: label must be a whole number (a class), was 0.5",
                rejected("1,2,0\n1,1,0.5").getMessage());
        assertEquals("line 1: quoted fields are not supported; write plain numbers as x1,x2,label",
                rejected("\"1\",2,0").getMessage());
    }

    @Test
    void tooManyRowsStopsAtTheFirstRowOverTheLimit() {
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i <= CsvDatasetReader.MAX_ROWS; i++) {
            sb.append(i).append(",0,").append(i % 2).append('\n');
        }
        CsvFormatException e = rejected(sb.toString());
        assertEquals(CsvDatasetReader.MAX_ROWS + 2, e.line());
        assertEquals("too many rows: at most 10000 data rows are allowed", e.detail());
    }

    @Test
    void tooManyClassesNamesTheLineOfTheExtraLabel() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= CsvDatasetReader.MAX_CLASSES; i++) {
            sb.append("0,0,").append(i).append('\n');
        }
        CsvFormatException e = rejected(sb.toString());
        assertEquals(11, e.line());
        assertEquals("too many classes: label 10 would be class 11, at most 10 are allowed", e.detail());
    }

    @Test
    void emptyFilesAndSingleClassFilesAreRejected() {
        assertEquals("line 1: no data rows: expected lines of x1,x2,label", rejected("x1,x2,label\n").getMessage());
        assertEquals("line 2: only one class (label 1.0) found; at least 2 classes are needed",
                rejected("0,0,1\n1,1,1").getMessage());
    }
}
