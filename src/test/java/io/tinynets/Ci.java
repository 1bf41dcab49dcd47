package io.tinynets;

/**
 * Whether the tests run in continuous integration ({@code CI=true}, which {@code .ci/run} exports). There nothing may
 * skip: a test that cannot run for want of a browser, a driver or a database fails and names what is missing.
 */
public final class Ci {

    public static final String VARIABLE = "CI";

    private Ci() {
    }

    public static boolean isOn() {
        return "true".equalsIgnoreCase(System.getenv(VARIABLE));
    }
}
