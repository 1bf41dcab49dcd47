package io.tinynets.classroom;

import java.time.Instant;

/** A user of the server as the services and views see it: never the password hash. */
public record Account(long id, String username, String displayName, Role role, boolean mustChangePassword,
                      Instant createdAt) {
}
