package io.tinynets.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import io.tinynets.classroom.SchoolClass;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How students reach a class: the full sign-up link with the join code in it, a button that copies it, and the link
 * as a QR code that can be shown large on the projector. The link is made from the address the teacher's browser
 * uses (so it is right behind a proxy or on another port); until the browser has told it, from the request.
 */
class JoinLinkPanel extends Div {

    static final int QR_PIXELS = 168;
    static final int QR_LARGE_PIXELS = 560;

    final TextField link = new TextField();
    final Button copy = new Button();
    final Svg qr = new Svg();
    final Button large = new Button();
    /** The QR code shown large, for tests. */
    Dialog largeDialog;
    private URI page = requestBase();
    private SchoolClass shown;

    JoinLinkPanel() {
        addClassName("join-link");
        link.setLabel(getTranslation("classroom.classes.joinLink"));
        link.setReadOnly(true);
        link.setWidthFull();
        link.setHelperText(getTranslation("classroom.classes.joinLink.help"));
        copy.setText(getTranslation("classroom.classes.copyLink"));
        copy.setIcon(VaadinIcon.COPY.create());
        copy.addClickListener(e -> copyLink());
        large.setText(getTranslation("classroom.classes.showQr"));
        large.setIcon(VaadinIcon.QRCODE.create());
        large.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        large.addClickListener(e -> showLarge());
        qr.addClassName("join-qr");
        HorizontalLayout linkRow = new HorizontalLayout(link, copy);
        linkRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        linkRow.setWidthFull();
        linkRow.setFlexGrow(1, link);
        Div text = new Div(linkRow, large);
        text.getStyle().set("flex", "1 1 20rem");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("align-items", "flex-start");
        add(text, qr);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // the address as the browser sees it: right behind a reverse proxy, a port mapping or a context path
        event.getUI().getPage().fetchCurrentURL(url -> {
            try {
                page = url.toURI();
                render();
            } catch (URISyntaxException ignored) {
                // keep the address from the request
            }
        });
    }

    /** Shows the link and code of this class. */
    void show(SchoolClass c) {
        shown = c;
        render();
    }

    /** The full sign-up link of a join code, relative to the page the teacher is on. */
    static String joinLink(URI page, String joinCode) {
        return page.resolve("signup?code=" + URLEncoder.encode(joinCode, StandardCharsets.UTF_8)).toString();
    }

    String url() {
        return joinLink(page, shown.joinCode());
    }

    private void render() {
        if (shown == null) {
            return;
        }
        link.setValue(url());
        qr.setSvg(QrSvg.svg(QrSvg.encode(url()), QR_PIXELS, getTranslation("classroom.classes.qr.label",
                shown.name())));
    }

    /**
     * Copies the link in the browser: the clipboard API where the page is a secure context (HTTPS, localhost), else
     * the older copy command (a school server on plain HTTP); if both fail the link is selected for Ctrl+C.
     */
    private void copyLink() {
        copy.getElement().executeJs("""
                const text = $0;
                if (navigator.clipboard && window.isSecureContext) {
                  return navigator.clipboard.writeText(text).then(() => true, () => false);
                }
                const area = document.createElement('textarea');
                area.value = text;
                area.setAttribute('readonly', '');
                area.style.position = 'fixed';
                area.style.opacity = '0';
                document.body.appendChild(area);
                area.select();
                let copied = false;
                try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
                area.remove();
                return copied;""", url()).then(Boolean.class, copied -> {
                    if (Boolean.TRUE.equals(copied)) {
                        Texts.success(getTranslation("classroom.classes.linkCopied"));
                    } else {
                        link.focus();
                        link.getElement().executeJs("this.inputElement.select()");
                        Notification.show(getTranslation("classroom.classes.linkSelect"), 5000,
                                Notification.Position.BOTTOM_START);
                    }
                });
    }

    /** The code large enough to scan from the back of the room, with the join code and link under it. */
    void showLarge() {
        if (shown == null) {
            return;
        }
        largeDialog = new Dialog();
        largeDialog.setHeaderTitle(getTranslation("classroom.classes.qr.header", shown.name()));
        Svg big = new Svg(QrSvg.svg(QrSvg.encode(url()), QR_LARGE_PIXELS,
                getTranslation("classroom.classes.qr.label", shown.name())));
        big.getStyle().set("max-width", "min(80vw, 70vh)");
        big.getElement().executeJs("const s = this.querySelector('svg'); if (s) { s.style.width = '100%';"
                + " s.style.height = 'auto'; }");
        Span code = new Span(shown.joinCode());
        code.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600")
                .set("letter-spacing", "0.15em").set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Paragraph address = new Paragraph(url());
        address.getStyle().set("word-break", "break-all").set("font-size", "var(--lumo-font-size-l)");
        Div body = new Div(big, code, address);
        body.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("gap", "var(--lumo-space-s)");
        largeDialog.add(body);
        largeDialog.getFooter().add(new Button(getTranslation("classroom.close"), e -> largeDialog.close()));
        largeDialog.open();
    }

    /** This server's root from the current request, until the browser says which address it uses. */
    private static URI requestBase() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return URI.create("http://localhost/");
        }
        return URI.create(ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                .path("/").build().toUriString());
    }
}
