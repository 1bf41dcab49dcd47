package io.tinynets.experiment;

/** What the list shows: null or blank parts match everything; text matches name or notes, ignoring case. */
public record ExperimentFilter(String lab, String tag, String text) {

    public static final ExperimentFilter ALL = new ExperimentFilter(null, null, null);

    static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
