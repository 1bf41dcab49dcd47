package io.tinynets.training;

import java.util.Objects;

/**
 * Who asks for a run, as the view layer saw the request, in plain data: the id the run is owned by, whether it is a
 * visitor without an account, and the client's network address (the servlet request's remote address; behind a
 * configured trusted proxy that is the real client's). Visitors' runs share a smaller pool than accounts' and are
 * capped per address, so scripts opening many anonymous sessions from one machine cannot fill the server.
 *
 * @param ownerId   the username, or the anonymous browser session's trainer id
 * @param anonymous true for a visitor without an account
 * @param address   the client's address; {@link #UNKNOWN_ADDRESS} when the request did not say (capped together)
 */
public record Requester(String ownerId, boolean anonymous, String address) {

    /** The address of requests whose address is unknown: they share one per-address budget. */
    public static final String UNKNOWN_ADDRESS = "unknown";

    public Requester {
        Objects.requireNonNull(ownerId, "ownerId");
        address = address == null || address.isBlank() ? UNKNOWN_ADDRESS : address.strip();
    }

    /** A logged-in user (a class member): not capped per address. */
    public static Requester account(String username, String address) {
        return new Requester(username, false, address);
    }

    /** A visitor without an account, known by their browser session's trainer id. */
    public static Requester anonymous(String sessionTrainerId, String address) {
        return new Requester(sessionTrainerId, true, address);
    }
}
