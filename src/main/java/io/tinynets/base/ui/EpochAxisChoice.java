package io.tinynets.base.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

import java.util.List;

/**
 * The small choice beside a lab's curves of how their epoch axis spans a long run: all epochs, all epochs on a log
 * scale, or the last few hundred (a moving window). The choice holds for the browser session: every lab opened
 * afterwards starts with it.
 */
public class EpochAxisChoice extends Select<LineChart.XScale> {

    /** The session attribute holding the last choice. */
    static final String SESSION_KEY = EpochAxisChoice.class.getName();

    private final List<LineChart> charts;
    private final int window;

    /**
     * @param window the epochs the moving window shows
     * @param charts the curves over epochs it sets (each gets the remembered choice at once)
     */
    public EpochAxisChoice(int window, LineChart... charts) {
        this.charts = List.of(charts);
        this.window = window;
        addClassName("epoch-axis-choice");
        setLabel(getTranslation("chart.epochAxis"));
        setItems(LineChart.XScale.values());
        setItemLabelGenerator(s -> switch (s) {
            case LINEAR -> getTranslation("chart.epochAxis.linear");
            case LOG -> getTranslation("chart.epochAxis.log");
            case WINDOW -> getTranslation("chart.epochAxis.window", window);
        });
        setWidth("15em");
        setValue(remembered());
        apply(getValue());
        addValueChangeListener(e -> {
            LineChart.XScale scale = e.getValue() == null ? LineChart.XScale.LINEAR : e.getValue();
            apply(scale);
            VaadinSession session = VaadinSession.getCurrent();
            if (session != null) {
                session.setAttribute(SESSION_KEY, scale);
            }
        });
    }

    public EpochAxisChoice(LineChart... charts) {
        this(LineChart.DEFAULT_WINDOW, charts);
    }

    private static LineChart.XScale remembered() {
        VaadinSession session = VaadinSession.getCurrent();
        Object value = session == null ? null : session.getAttribute(SESSION_KEY);
        return value instanceof LineChart.XScale s ? s : LineChart.XScale.LINEAR;
    }

    private void apply(LineChart.XScale scale) {
        charts.forEach(c -> c.setXScale(scale, window));
    }
}
