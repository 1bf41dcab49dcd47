package io.tinynets.classroom;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a username, display name and password must look like; each refusal names the field and the rule. */
final class AccountRules {

    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;
    static final int NAME_MAX = 100;
    /** Lower-case letters, digits, dot and underscore, starting with a letter: never "session-…" (anonymous ids). */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._]{2,39}");

    private AccountRules() {
    }

    static String username(String raw) {
        String u = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new ClassroomException("classroom.invalid.username", 3, 40);
        }
        return u;
    }

    static String displayName(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() || n.length() > NAME_MAX) {
            throw new ClassroomException("classroom.invalid.displayName", NAME_MAX);
        }
        return n;
    }

    static String password(String raw) {
        if (raw == null || raw.length() < PASSWORD_MIN || raw.length() > PASSWORD_MAX || raw.isBlank()) {
            throw new ClassroomException("classroom.invalid.password", PASSWORD_MIN, PASSWORD_MAX);
        }
        return raw;
    }
}
