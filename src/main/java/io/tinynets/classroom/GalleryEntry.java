package io.tinynets.classroom;

import java.time.Instant;

/** One experiment shared with a class, as the class gallery lists it. */
public record GalleryEntry(long experimentId, String name, String lab, String owner, String ownerName,
                           Instant sharedAt) {
}
