package io.tinynets.classroom;

import java.nio.charset.StandardCharsets;

/**
 * What a password must be, in one place for the service and every form that sets one (sign-up, set-up, new staff,
 * password change, the configured admin password at start).
 *
 * <p>The upper limit is in UTF-8 bytes, not characters: BCrypt reads at most 72 bytes and Spring Security refuses to
 * hash more, so 25 Korean characters (75 bytes) used to fail with an internal error. We keep BCrypt of the password
 * itself and refuse what it cannot hash, rather than pre-hashing (SHA-256 before BCrypt): every stored hash stays
 * valid without a migration or a second hash format, nothing is silently cut, and 72 bytes (72 Latin letters or 24
 * Korean characters) is far longer than a classroom password needs. The lower limit counts characters (code points),
 * so a Korean password is held to the same eight characters as a Latin one.
 */
public final class PasswordRule {

    public static final int MIN_CHARACTERS = 8;
    /** BCrypt's own limit. */
    public static final int MAX_BYTES = 72;
    /** The refusal: {0} = {@link #MIN_CHARACTERS}, {1} = {@link #MAX_BYTES}, {2} = Korean characters that fit. */
    public static final String MESSAGE_KEY = "classroom.invalid.password";

    private PasswordRule() {
    }

    /** True when the password may be set. */
    public static boolean accepts(String raw) {
        return raw != null && !raw.isBlank() && raw.codePointCount(0, raw.length()) >= MIN_CHARACTERS
                && raw.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The arguments of {@link #MESSAGE_KEY}. */
    public static Object[] messageArgs() {
        // a Hangul syllable is 3 bytes in UTF-8
        return new Object[] {MIN_CHARACTERS, MAX_BYTES, MAX_BYTES / 3};
    }

    /** The password when it may be set; refused with {@link #MESSAGE_KEY} otherwise. */
    static String check(String raw) {
        if (!accepts(raw)) {
            throw new ClassroomException(MESSAGE_KEY, messageArgs());
        }
        return raw;
    }
}
