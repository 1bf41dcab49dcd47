package io.tinynets.experiment;

/**
 * What the experiment services must know about accounts, which belong to a feature above them (the classroom
 * implements this): asked of the database on every call, never taken from a session, so the session of an account
 * deleted on another instance saves nothing, and a role cannot be claimed by whoever calls.
 */
public interface AccountDirectory {

    /** True while an account with this username exists. */
    boolean exists(String username);

    /** True when the username is an administrator's account. */
    boolean isAdmin(String username);
}
