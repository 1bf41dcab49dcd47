package io.tinynets.base.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Every lab's page body: a fixed-width column of controls on the left and the charts taking the rest, the classes
 * the theme styles them by ({@code lab-body}, {@code lab-controls}, {@code lab-charts}; they stack on narrow screens).
 */
public final class LabLayout {

    private LabLayout() {
    }

    public static HorizontalLayout body(VerticalLayout controls, VerticalLayout charts) {
        controls.addClassName("lab-controls");
        controls.setPadding(false);
        controls.setWidth("22rem");
        controls.getStyle().set("flex-shrink", "0");
        charts.setPadding(false);
        charts.addClassName("lab-charts");
        HorizontalLayout body = new HorizontalLayout(controls, charts);
        body.setWidthFull();
        body.setFlexGrow(1, charts);
        body.setAlignItems(FlexComponent.Alignment.START);
        body.addClassName("lab-body");
        return body;
    }
}
