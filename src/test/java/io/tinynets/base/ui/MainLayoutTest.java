package io.tinynets.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutTest extends KaribuTest {

    @Test
    void shellShowsAppNameAndNavigation() {
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);
        List<String> labels = layout.nav.getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).startsWith("Home", "Activation explorer");
        assertThat(_get(H2.class).getText()).isEqualTo("Learn neural networks by watching tiny ones learn");
    }

    @Test
    void everyNavigationEntryOpensItsView() {
        for (var entry : MenuConfiguration.getMenuEntries()) {
            UI.getCurrent().navigate(entry.path());
            assertThat(UI.getCurrent().getCurrentView().getClass()).as(entry.path()).isEqualTo(entry.menuClass());
            // every view has a translated heading, never a missing-key marker
            assertThat(_find(H2.class)).as(entry.path()).isNotEmpty();
            assertThat(_find(H2.class).get(0).getText()).doesNotStartWith("!");
        }
    }

    @Test
    void languageSwitchChangesVisibleText() {
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);
        _setValue(layout.language, Locale.KOREAN);
        // The switch rebuilds the layout and the view, so every text is now Korean.
        assertThat(_get(H2.class).getText()).isEqualTo("작은 신경망이 배우는 모습을 보며 신경망을 익힙니다");
        List<String> labels = _get(MainLayout.class).nav.getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("활성화 함수 탐색기");
        assertThat(UI.getCurrent().getSession().getLocale()).isEqualTo(Locale.KOREAN);
    }

    @Test
    void darkModeToggles() {
        UI.getCurrent().navigate("");
        MainLayout layout = _get(MainLayout.class);
        assertThat(UserPreferences.isDark(UI.getCurrent())).isFalse();
        layout.darkMode.click();
        assertThat(UserPreferences.isDark(UI.getCurrent())).isTrue();
        assertThat(layout.darkMode.getTooltip().getText()).isEqualTo("Switch to light mode");
        layout.darkMode.click();
        assertThat(UserPreferences.isDark(UI.getCurrent())).isFalse();
    }

    @Test
    void homeListsOnlyLabsThatExist() {
        UI.getCurrent().navigate("");
        HomeView home = _get(HomeView.class);
        assertThat(home.cards.getChildren().count()).isGreaterThanOrEqualTo(1);
        assertThat(_find(com.vaadin.flow.router.RouterLink.class)).allSatisfy(link ->
                assertThat(link.getHref()).isNotBlank());
        assertThat(_find(SideNav.class)).hasSize(1);
    }
}
