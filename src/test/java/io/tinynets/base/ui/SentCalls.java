package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import elemental.json.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JavaScript calls a server round trip would send to the browser, taken from the UI's queue (as the real response
 * would), so a test can say what a web component wrapper sent: which function of which element, with which arguments.
 */
public final class SentCalls {

    /** One {@code element.function(args…)} call; JSON arguments as their text, an argument may be null. */
    public record Call(Object element, String function, List<Object> args) {
    }

    private static final Pattern FUNCTION = Pattern.compile("\\$0\\.([A-Za-z_$][\\w$]*)\\(");

    private SentCalls() {
    }

    /**
     * Takes every pending call from the UI's queue (they count as sent): what the next response would carry. Runs the
     * "before client response" step first, as writing a response does: that is where an attached element's calls
     * join the queue, and where a detached element's calls are dropped.
     */
    public static List<Call> drain(UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream().map(SentCalls::call).toList();
    }

    /** The calls to one component's element, in order, taken from the queue with all the others. */
    public static List<Call> drain(UI ui, Component component) {
        return drain(ui).stream().filter(c -> c.element() == component.getElement()).toList();
    }

    /** The names of the functions called on the component, in order. */
    public static List<String> functions(List<Call> calls) {
        return calls.stream().map(Call::function).toList();
    }

    private static Call call(PendingJavaScriptInvocation pending) {
        String expression = pending.getInvocation().getExpression();
        List<Object> parameters = pending.getInvocation().getParameters();
        Matcher m = FUNCTION.matcher(expression);
        String function = m.find() ? m.group(1) : expression;
        return new Call(parameters.isEmpty() ? null : parameters.get(0), function,
                parameters.size() <= 1 ? List.of()
                        : Collections.unmodifiableList(parameters.subList(1, parameters.size()).stream()
                                .map(SentCalls::readable).collect(ArrayList::new, ArrayList::add, ArrayList::addAll)));
    }

    /** JSON arguments as their JSON text (what travels), everything else as it is. */
    private static Object readable(Object argument) {
        return argument instanceof JsonValue json ? json.toJson() : argument;
    }
}
