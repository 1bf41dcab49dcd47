package io.tinynets.base.ui.frame;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tinynets.base.ui.LineChart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A lab's downloads, in one menu of the frame: every picture of the panels as a PNG, the curves of every line chart as
 * CSV, and printing the page as a one-page handout (the theme's print style). The menu is rebuilt from the panels'
 * {@link LabPanels#pictures() pictures} whenever the settings change (a setting may show or hide a picture).
 *
 * <p>A PNG is drawn in the browser from what the page shows: the picture's box is composed on one canvas at twice its
 * size (its canvases, its SVG drawings with their computed styles, its text: title, legend, labels), then downloaded.
 * Nothing leaves the page, and the web components need no export code of their own. A CSV is written on the server
 * from the chart's data.
 */
public final class LabExport extends Div {

    /**
     * Composes the box {@code this} (with shadow roots and slotted children) on one canvas and downloads it as
     * {@code $0}; answers "ok", or "empty" when nothing of it is drawn on the page.
     */
    static final String PNG = """
            const box = this, fileName = $0, scale = 2;
            const clear = c => !c || c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
            return (async () => {
              const origin = box.getBoundingClientRect();
              if (!origin.width || !origin.height) return 'empty';
              const out = document.createElement('canvas');
              out.width = Math.ceil(origin.width * scale);
              out.height = Math.ceil(origin.height * scale);
              const g = out.getContext('2d');
              g.scale(scale, scale);
              let background = 'rgb(255, 255, 255)';
              for (let e = box; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
                const c = getComputedStyle(e).backgroundColor;
                if (!clear(c)) { background = c; break; }
              }
              g.fillStyle = background;
              g.fillRect(0, 0, origin.width, origin.height);
              let drawn = 0;
              const at = r => [r.left - origin.left, r.top - origin.top];
              const svgStyle = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
                'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
                'visibility', 'display'];
              const svg = async el => {
                const r = el.getBoundingClientRect();
                if (!r.width || !r.height) return;
                const copy = el.cloneNode(true);
                const from = [el, ...el.querySelectorAll('*')], to = [copy, ...copy.querySelectorAll('*')];
                from.forEach((e, i) => {
                  const cs = getComputedStyle(e);
                  to[i].setAttribute('style', svgStyle.map(p => p + ':' + cs.getPropertyValue(p)).join(';'));
                });
                copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
                copy.setAttribute('width', r.width);
                copy.setAttribute('height', r.height);
                const img = new Image();
                img.src = 'data:image/svg+xml;charset=utf-8,'
                  + encodeURIComponent(new XMLSerializer().serializeToString(copy));
                await img.decode();
                const [x, y] = at(r);
                g.drawImage(img, x, y, r.width, r.height);
                drawn++;
              };
              // how far text is turned: vertical writing, then each transform up to the box (axis labels)
              const turn = el => {
                let angle = getComputedStyle(el).writingMode.startsWith('vertical') ? Math.PI / 2 : 0;
                for (let e = el; e && e !== box; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
                  const m = getComputedStyle(e).transform.match(/^matrix\\(([^,]+),\\s*([^,]+)/);
                  if (m) angle += Math.atan2(parseFloat(m[2]), parseFloat(m[1]));
                }
                return angle;
              };
              const text = node => {
                const words = node.textContent.split(/(\\s+)/);
                const cs = getComputedStyle(node.parentElement);
                if (cs.visibility === 'hidden') return;
                g.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
                g.fillStyle = cs.color;
                g.textBaseline = 'middle';
                const range = document.createRange();
                let angle = turn(node.parentElement);
                if (Math.abs(angle % (2 * Math.PI)) > 0.01) {
                  // a turned label: drawn whole, turned about the middle of where it stands, in the direction its
                  // first and last letters run on the page (whatever combination of styles turned it)
                  const t = node.textContent, i = t.search(/\\S/), j = t.trimEnd().length - 1;
                  if (j > i) {
                    range.setStart(node, i); range.setEnd(node, i + 1);
                    const a = range.getBoundingClientRect();
                    range.setStart(node, j); range.setEnd(node, j + 1);
                    const b = range.getBoundingClientRect();
                    angle = Math.atan2(b.top + b.height / 2 - a.top - a.height / 2,
                      b.left + b.width / 2 - a.left - a.width / 2);
                  }
                  range.selectNodeContents(node);
                  const r = range.getBoundingClientRect();
                  const [x, y] = at(r);
                  g.save();
                  g.translate(x + r.width / 2, y + r.height / 2);
                  g.rotate(angle);
                  g.textAlign = 'center';
                  g.fillText(node.textContent.trim(), 0, 0);
                  g.restore();
                  return;
                }
                let offset = 0;
                for (const w of words) {
                  if (w.trim()) {
                    range.setStart(node, offset);
                    range.setEnd(node, offset + w.length);
                    const r = range.getBoundingClientRect();
                    if (r.width) {
                      const [x, y] = at(r);
                      g.fillText(w, x, y + r.height / 2);
                    }
                  }
                  offset += w.length;
                }
              };
              const walk = async node => {
                if (node.nodeType === Node.TEXT_NODE) {
                  if (node.textContent.trim() && node.parentElement) text(node);
                  return;
                }
                if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
                if (node.nodeType === Node.ELEMENT_NODE) {
                  if (['STYLE', 'SCRIPT', 'TEMPLATE', 'BUTTON', 'VAADIN-BUTTON', 'VAADIN-CHECKBOX']
                      .includes(node.tagName)) return;
                  const cs = getComputedStyle(node);
                  if (cs.display === 'none' || cs.visibility === 'hidden' && node.tagName !== 'SLOT') return;
                  if (node instanceof HTMLCanvasElement) {
                    const r = node.getBoundingClientRect();
                    if (r.width && r.height && node.width && node.height) {
                      const [x, y] = at(r);
                      g.drawImage(node, x, y, r.width, r.height);
                      drawn++;
                    }
                    return;
                  }
                  if (node instanceof SVGSVGElement) { await svg(node); return; }
                  if (node !== box) {
                    const r = node.getBoundingClientRect();
                    const [x, y] = at(r);
                    if (r.width && r.height && !clear(cs.backgroundColor)) {
                      g.fillStyle = cs.backgroundColor;
                      g.fillRect(x, y, r.width, r.height);
                    }
                    const bw = parseFloat(cs.borderTopWidth);
                    if (r.width && r.height && bw > 0 && cs.borderTopStyle !== 'none' && !clear(cs.borderTopColor)) {
                      g.strokeStyle = cs.borderTopColor;
                      g.lineWidth = bw;
                      g.strokeRect(x + bw / 2, y + bw / 2, r.width - bw, r.height - bw);
                    }
                  }
                  if (node.tagName === 'SLOT') {
                    for (const n of node.assignedNodes({flatten: true})) await walk(n);
                    return;
                  }
                  if (node.shadowRoot) { await walk(node.shadowRoot); return; }
                }
                for (const n of node.childNodes) await walk(n);
              };
              await walk(box);
              if (!drawn) return 'empty';
              const blob = await new Promise(done => out.toBlob(done, 'image/png'));
              const a = document.createElement('a');
              a.href = URL.createObjectURL(blob);
              a.download = fileName;
              document.body.appendChild(a);
              a.click();
              a.remove();
              setTimeout(() => URL.revokeObjectURL(a.href), 60000);
              return 'ok';
            })();""";

    public final MenuBar menu = new MenuBar();
    private final String lab;
    private final Supplier<List<PanelPictures.Picture>> pictures;
    /** Where a CSV is downloaded from: its href is set to the chosen chart's data, then clicked. */
    private final Anchor csvLink = new Anchor();

    LabExport(String lab, Supplier<List<PanelPictures.Picture>> pictures) {
        this.lab = lab;
        this.pictures = pictures;
        addClassName("lab-export");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        csvLink.getElement().setAttribute("hidden", true);
        csvLink.getElement().setAttribute("aria-hidden", "true");
        add(menu, csvLink);
        rebuild();
    }

    /** Lists the pictures the panels show now. */
    void rebuild() {
        menu.removeAll();
        MenuItem root = menu.addItem(VaadinIcon.DOWNLOAD_ALT.create());
        root.add(getTranslation("export.menu"));
        root.addClassName("export-menu");
        menu.setTooltipText(root, getTranslation("export.menu.tooltip"));
        SubMenu items = root.getSubMenu();
        List<PanelPictures.Picture> shown = pictures.get();
        for (PanelPictures.Picture p : shown) {
            items.addItem(getTranslation("export.png", p.title()), e -> png(p)).addClassName("export-png");
        }
        for (PanelPictures.Picture p : shown) {
            List<LineChart> charts = p.charts();
            for (int i = 0; i < charts.size(); i++) {
                LineChart chart = charts.get(i);
                String title = charts.size() == 1 ? p.title() : p.title() + " " + (i + 1);
                items.addItem(getTranslation("export.csv", title), e -> csv(chart, title)).addClassName("export-csv");
            }
        }
        items.addItem(getTranslation("export.print"), e -> print()).addClassName("export-print");
    }

    /** The file name for a picture or chart: the lab and the title, letters and digits only. */
    String fileName(String title, String extension) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-|-$", "");
        return lab + (slug.isEmpty() ? "" : "-" + slug) + "." + extension;
    }

    void png(PanelPictures.Picture picture) {
        if (!PanelPictures.shown(picture.box())) {
            notShown(picture.title());
            return;
        }
        picture.box().getElement().executeJs(PNG, fileName(picture.title(), "png")).then(String.class, answer -> {
            if (!"ok".equals(answer)) {
                notShown(picture.title());
            }
        });
    }

    /** The chart's curves now, handed to the browser as a download. */
    void csv(LineChart chart, String title) {
        byte[] bytes = ("\uFEFF" + CurvesCsv.of(chart)).getBytes(StandardCharsets.UTF_8);
        String name = fileName(title, "csv");
        csvLink.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), name, "text/csv; charset=utf-8", bytes.length)));
        csvLink.getElement().executeJs("this.click()");
    }

    /** A printed lab shows "What is going on?" even when the student folded it (also for the browser's own Print). */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().executeJs("""
                if (!window.tinynetsPrintHook) {
                  window.tinynetsPrintHook = true;
                  window.addEventListener('beforeprint', () => document
                    .querySelectorAll('vaadin-details.lab-explanation').forEach(d => { d.opened = true; }));
                }""");
    }

    private void print() {
        UI.getCurrent().getPage().executeJs("window.print()");
    }

    private void notShown(String title) {
        Notification.show(getTranslation("export.notShown", title), 5000, Notification.Position.MIDDLE);
    }
}
