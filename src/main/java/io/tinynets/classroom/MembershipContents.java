package io.tinynets.classroom;

/**
 * What removing a student from a class removes with the membership, counted for the confirmation dialog: their
 * submissions to the class's assignments and their experiments' shares in its gallery. Their account and experiments
 * stay.
 */
public record MembershipContents(int submissions, int shares) {
}
