package io.tinynets.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address with no page behind it (a mistyped link, an id in a path that is not a number): said in the visitor's
 * language with a way home, instead of the framework's English page that lists every route.
 */
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    final H2 title = new H2();
    final Paragraph text = new Paragraph();

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        title.setText(getTranslation("error.notFound.title"));
        text.setText(getTranslation("error.notFound.text"));
        add(title, text, new Anchor("", getTranslation("error.notFound.home")));
        addClassName("not-found");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
