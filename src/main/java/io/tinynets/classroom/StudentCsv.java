package io.tinynets.classroom;

import java.util.ArrayList;
import java.util.List;

/** Reads the names of a student list: first column of each non-empty line, a "name" header skipped. */
final class StudentCsv {

    /** The longest list text read (64 K characters): 200 lines of a CSV with a few columns fit easily. */
    static final int MAX_CHARS = 64 * 1024;

    private StudentCsv() {
    }

    static List<String> names(String csv, int max) {
        if (csv == null || csv.isBlank()) {
            throw new ClassroomException("classroom.import.empty");
        }
        if (csv.length() > MAX_CHARS) {
            // refused before it is split into lines
            throw new ClassroomException("classroom.import.tooLong", csv.length(), MAX_CHARS);
        }
        List<String> names = new ArrayList<>();
        String[] lines = csv.replace("\uFEFF", "").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String name = firstColumn(line).strip();
            if (names.isEmpty() && i == firstNonEmpty(lines) && (name.equalsIgnoreCase("name")
                    || name.equals("이름"))) {
                continue;
            }
            if (name.isEmpty() || name.length() > AccountRules.NAME_MAX) {
                throw new ClassroomException("classroom.import.badName", i + 1, AccountRules.NAME_MAX);
            }
            names.add(name);
            if (names.size() > max) {
                throw new ClassroomException("classroom.import.tooMany", max);
            }
        }
        if (names.isEmpty()) {
            throw new ClassroomException("classroom.import.empty");
        }
        return names;
    }

    private static int firstNonEmpty(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String firstColumn(String line) {
        if (line.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i++;
                    } else {
                        return b.toString();
                    }
                } else {
                    b.append(ch);
                }
            }
            return b.toString();
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }
}
