package io.tinynets.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The home page: the study note's concepts, each with the labs that teach it and one sentence on what to try there.
 * Built from the registered menu entries, so it lists exactly the labs this server has.
 */
@PublicView
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    /** A concept of the study note and the lab routes that teach it, in the order a course would take them. */
    record Concept(String key, List<String> labPaths) {
    }

    static final List<Concept> CONCEPTS = List.of(
            new Concept("descent", List.of("descent", "playground")),
            new Concept("activation", List.of("activation", "depth")),
            new Concept("recurrent", List.of("sequence")),
            new Concept("autoencoder", List.of("autoencoder")));

    final Div cards = new Div();

    public HomeView() {
        addClassName("home-view");
        add(new H2(getTranslation("home.title")), new Paragraph(getTranslation("home.intro")));
        Map<String, MenuEntry> labs = MenuConfiguration.getMenuEntries().stream()
                .collect(Collectors.toMap(e -> trim(e.path()), Function.identity(), (a, b) -> a));
        cards.addClassName("concept-cards");
        for (Concept concept : CONCEPTS) {
            List<MenuEntry> present = concept.labPaths().stream().filter(labs::containsKey).map(labs::get).toList();
            if (present.isEmpty()) {
                continue; // only concepts whose lab this server has
            }
            Div card = new Div(new H3(getTranslation("concept." + concept.key() + ".title")),
                    new Paragraph(getTranslation("concept." + concept.key() + ".summary")));
            card.addClassName("concept-card");
            for (MenuEntry lab : present) {
                RouterLink link = new RouterLink();
                link.setRoute(lab.menuClass().asSubclass(com.vaadin.flow.component.Component.class));
                link.setText(getTranslation(lab.title()));
                Div entry = new Div(link, new Paragraph(getTranslation("home.try." + trim(lab.path()))));
                entry.addClassName("concept-lab");
                card.add(entry);
            }
            cards.add(card);
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }

    private static String trim(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
