package io.tinynets.classroom;

/**
 * What deleting a class removes with it, counted for the confirmation dialog: memberships, assignments, the
 * submissions to them, and gallery shares. The students' accounts and experiments are not part of it: they stay.
 */
public record ClassContents(int members, int assignments, int submissions, int shares) {
}
