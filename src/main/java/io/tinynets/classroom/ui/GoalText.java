package io.tinynets.classroom.ui;

import com.vaadin.flow.component.Component;
import io.tinynets.classroom.Goal;

import java.util.Optional;

/** An assignment's goal in words: "test loss at most 0.1, Hidden layers at most 2", or "No goal". */
final class GoalText {

    private GoalText() {
    }

    static String of(Component c, Optional<Goal> goal) {
        return goal.map(g -> of(c, g)).orElse(c.getTranslation("classroom.assignments.noGoal"));
    }

    static String of(Component c, Goal g) {
        String figure = c.getTranslation(g.below() ? "classroom.assignments.goalBelow"
                : "classroom.assignments.goalAbove", AssignmentBar.metricName(c, g.metric()), number(g.value()));
        return g.limit().map(l -> c.getTranslation("classroom.assignments.goalWithLimit", figure,
                ControlNames.label(c, l.path()), number(l.max()))).orElse(figure);
    }

    /**
     * The message key of what a submission's goal check says to the student: submitted; met; not met yet; or not
     * verified, because the run was not trained on this server (the figures then decide nothing).
     */
    static String submitted(io.tinynets.classroom.Submission s) {
        if (s.goalMet() == null) {
            return "classroom.submission.done";
        }
        if (s.goalUnverified()) {
            return "classroom.submission.doneNotVerified";
        }
        return s.goalMet() ? "classroom.submission.doneMet" : "classroom.submission.doneNotMet";
    }

    /** 2 rather than 2.0; 0.05 as 0.05. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
