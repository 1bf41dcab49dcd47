package io.tinynets.base.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.component.Tag;

/**
 * A native {@code <input type="range">}: keyboard friendly (arrows, Page Up/Down, Home/End) and screen-reader
 * friendly out of the box. Vaadin 24's free components have no slider. The value syncs on every "input" event
 * (while dragging), so charts can follow the thumb.
 */
@Tag("input")
public class RangeSlider extends AbstractSinglePropertyField<RangeSlider, Double>
        implements HasSize, Focusable<RangeSlider>, HasTooltip {

    private double min;
    private double max;

    public RangeSlider(double min, double max, double step, double value) {
        super("value", value, String.class, RangeSlider::parse, RangeSlider::format);
        if (!(max > min) || !(step > 0)) {
            throw new IllegalArgumentException("a slider needs min < max and step > 0, got [" + min + ", " + max
                    + "] step " + step);
        }
        this.min = min;
        this.max = max;
        getElement().setAttribute("type", "range");
        getElement().setAttribute("min", format(min));
        getElement().setAttribute("max", format(max));
        getElement().setAttribute("step", format(step));
        getElement().getStyle().set("accent-color", "var(--lumo-primary-color)");
        setSynchronizedEvent("input");
        setValue(value);
    }

    public void setAriaLabel(String label) {
        getElement().setAttribute("aria-label", label);
    }

    public double getMin() {
        return min;
    }

    public double getMax() {
        return max;
    }

    @Override
    public void setValue(Double value) {
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException("slider value must be within [" + min + ", " + max + "], got " + value);
        }
        super.setValue(value);
    }

    private static Double parse(String s) {
        try {
            return s == null || s.isBlank() ? 0.0 : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    private static String format(Double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
