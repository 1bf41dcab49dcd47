package io.tinynets.classroom;

/**
 * What deleting an account would remove, counted for the admin's confirmation dialog. {@code classesTaught} above
 * zero means the deletion is refused until those classes are deleted or handed over.
 */
public record AccountContents(Account account, int classesTaught, int memberships, int experiments, int submissions,
                              int shares, int runningTrainings) {
}
