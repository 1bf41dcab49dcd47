package io.tinynets.classroom;

/** What a join code opens, as the sign-up page names it before the account exists: the class and its teacher. */
public record JoinInvitation(String className, String teacherName) {
}
