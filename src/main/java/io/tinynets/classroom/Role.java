package io.tinynets.classroom;

/** What an account may do on the server. The Spring Security authority is {@code ROLE_<name>}. */
public enum Role {
    /** Runs the server: creates teachers, sees every class, downloads backups. */
    ADMIN,
    /** Creates classes, sees the work of their classes' students. */
    TEACHER,
    /** Trains, saves and shares their own experiments; sees what is shared with their classes. */
    STUDENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
