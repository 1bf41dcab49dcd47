package io.tinynets.classroom;

import java.security.SecureRandom;

/** Join codes and one-time passwords: random, from letters and digits that cannot be misread (no 0/O, 1/l/I). */
final class Codes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int JOIN_CODE_LENGTH = 8;
    static final int PASSWORD_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String joinCode() {
        return random(ALPHABET, JOIN_CODE_LENGTH);
    }

    static String oneTimePassword() {
        return random(PASSWORD_ALPHABET, PASSWORD_LENGTH);
    }

    /** A typed code as stored: upper case, without spaces or dashes people add when copying it from the board. */
    static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String random(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
