package io.tinynets.classroom;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a username, display name and password must look like; each refusal names the field and the rule. */
final class AccountRules {

    static final int NAME_MAX = 100;
    static final int USERNAME_MIN = 3;
    static final int USERNAME_MAX = 40;
    /** Lower-case letters, digits, dot and underscore, starting with a letter: never "session-…" (anonymous ids). */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._]{2,39}");
    /**
     * Names the server itself uses as owners or principals, which no account may take: {@code local} owns the
     * experiments saved before accounts existed, anonymous visitors train as {@code session-<uuid>}, and Spring
     * Security calls a visitor {@code anonymousUser}.
     */
    private static final Set<String> RESERVED = Set.of("local", "anonymous", "anonymoususer", "anonymous_user",
            "system", "server", "nobody", "null", "undefined", "unknown");
    private static final String ANONYMOUS_PREFIX = "session-";
    /**
     * Names that read like the server's administrator: only an admin account may take them (the first admin is
     * {@code admin} by default), so a student cannot sign up as "admin" or "administrator" and be taken for it.
     */
    private static final Set<String> ADMIN_LIKE = Set.of("admin", "administrator", "root", "superuser",
            "sysadmin", "sysop", "webmaster", "postmaster", "operator", "moderator");
    /** "admin" followed by a digit, dot or underscore: admin2, admin.kim. */
    private static final Pattern ADMIN_NUMBERED = Pattern.compile("admin[0-9._].*");

    private AccountRules() {
    }

    /** The username as stored (stripped, lower case) when an account of this role may take it; refused otherwise. */
    static String username(String raw, Role role) {
        String u = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (u.length() <= USERNAME_MAX && reserved(u, role)) {
            throw new ClassroomException("classroom.invalid.usernameReserved", u);
        }
        if (!USERNAME.matcher(u).matches()) {
            throw new ClassroomException("classroom.invalid.username", USERNAME_MIN, USERNAME_MAX);
        }
        return u;
    }

    /** True when no account of this role may take the (normalized) username. */
    static boolean reserved(String username, Role role) {
        if (RESERVED.contains(username) || username.startsWith(ANONYMOUS_PREFIX)) {
            return true;
        }
        boolean adminLike = ADMIN_LIKE.contains(username) || ADMIN_NUMBERED.matcher(username).matches();
        return adminLike && role != Role.ADMIN;
    }

    static String displayName(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() || n.length() > NAME_MAX) {
            throw new ClassroomException("classroom.invalid.displayName", NAME_MAX);
        }
        return n;
    }

    static String password(String raw) {
        return PasswordRule.check(raw);
    }
}
