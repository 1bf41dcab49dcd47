package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.PublicView;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassroomFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open which page without logging in: the access matrix, walked route by route as an anonymous visitor. Public
 * pages are the ones marked {@link PublicView} on the route class (not a package), so this test also pins which
 * classes carry the mark: adding it to a page, or losing it in a refactoring, fails here.
 */
class PublicViewAccessTest extends KaribuTest {

    /** Every route of the application and whether an anonymous visitor stays on it. */
    private static final Map<String, Boolean> OPEN_WITHOUT_LOGIN = new LinkedHashMap<>();

    static {
        for (String open : List.of("", "activation", "descent", "sequence", "depth", "autoencoder", "playground",
                "login", "signup", "setup")) {
            OPEN_WITHOUT_LOGIN.put(open, true);
        }
        for (String closed : List.of("experiments", "experiments/compare", "experiments/1", "gallery", "classes",
                "assignments", "dashboard/1", "password", "admin")) {
            OPEN_WITHOUT_LOGIN.put(closed, false);
        }
    }

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aServerThatIsSetUp() {
        ClassroomFixtures.clean(jdbc);
        accounts.createFirstAdmin("admin", "Admin", "a good password");
    }

    @Test
    void theHomePageAndTheLabsAreTheOnlyPagesMarkedPublic() {
        Set<String> marked = new TreeSet<>();
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("io.tinynets").scan()) {
            for (ClassInfo c : scan.getClassesWithAnnotation(PublicView.class)) {
                assertThat(c.hasAnnotation(Route.class)).as(c.getName() + " is a route").isTrue();
                marked.add(c.getSimpleName());
            }
        }
        assertThat(marked).containsExactlyInAnyOrder("HomeView", "ActivationExplorerView", "DescentView",
                "SequenceLabView", "DepthView", "AutoencoderView", "PlaygroundView");
    }

    @Test
    void anAnonymousVisitorOpensThePublicPagesAndIsSentToTheLoginFromEveryOther() {
        Map<String, Boolean> stayed = new LinkedHashMap<>();
        for (String route : OPEN_WITHOUT_LOGIN.keySet()) {
            UI.getCurrent().navigate(route);
            stayed.put(route, !(UI.getCurrent().getCurrentView() instanceof LoginView) || route.equals("login"));
        }
        assertThat(stayed).containsExactlyEntriesOf(OPEN_WITHOUT_LOGIN);
    }

    @Test
    void aLoggedInStudentStillOpensTheLabsAndTheirOwnPages() {
        login("kim", "STUDENT");
        for (String route : List.of("", "playground", "sequence", "experiments", "gallery", "assignments")) {
            UI.getCurrent().navigate(route);
            assertThat(UI.getCurrent().getCurrentView()).as(route).isNotInstanceOf(LoginView.class);
        }
    }
}
