package io.tinynets.classroom;

/** A student account made by a teacher's import: the generated password works once, then must be changed. */
public record OneTimeLogin(String displayName, String username, String password) {
}
