package io.tinynets.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import java.util.Locale;

/**
 * The application shell: app name, navigation built from the views' {@code @Menu} entries (their titles are message
 * keys), a language switch (한국어 / English) and a light/dark switch, both remembered in cookies.
 */
@Layout
@com.vaadin.flow.server.auth.AnonymousAllowed
public class MainLayout extends AppLayout {

    final Select<Locale> language = new Select<>();
    final Button darkMode = new Button();
    final SideNav nav = new SideNav();
    /** Who is logged in, and the logout button; or a login button for an anonymous visitor. */
    final Span userName = new Span();
    final Button logout = new Button();
    final Button login = new Button();
    private final AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(createBrand(), nav);
        addToNavbar(true, new DrawerToggle(), createHeaderTools());
        configureNav();
    }

    private Component createBrand() {
        Icon logo = VaadinIcon.CLUSTER.create();
        logo.addClassName("brand-logo");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        HorizontalLayout brand = new HorizontalLayout(logo, name);
        brand.setAlignItems(FlexComponent.Alignment.CENTER);
        brand.addClassName("brand");
        return brand;
    }

    private Component createHeaderTools() {
        language.setItems(TranslationProvider.ENGLISH, TranslationProvider.KOREAN);
        language.setItemLabelGenerator(l -> l.equals(TranslationProvider.KOREAN) ? "한국어" : "English");
        language.setAriaLabel(getTranslation("shell.language"));
        language.setTooltipText(getTranslation("shell.language"));
        language.setValue(TranslationProvider.supported(getLocale()));
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI ui = UI.getCurrent();
                UserPreferences.rememberLanguage(ui, e.getValue());
                // Rebuild the layout and the view so every text is in the new language, without a page reload.
                ui.refreshCurrentRoute(true);
            }
        });
        language.setWidth("8.5em");

        darkMode.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        darkMode.addClickListener(e -> {
            UI ui = UI.getCurrent();
            UserPreferences.rememberDark(ui, !UserPreferences.isDark(ui));
            updateDarkModeButton();
        });
        updateDarkModeButton();

        Span spacer = new Span();
        HorizontalLayout tools = new HorizontalLayout(spacer, darkMode, language, createAccountTools());
        tools.expand(spacer);
        tools.setWidthFull();
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.addClassName("header-tools");
        return tools;
    }

    private Component createAccountTools() {
        userName.addClassName("header-user");
        logout.setText(getTranslation("shell.logout"));
        logout.setIcon(VaadinIcon.SIGN_OUT.create());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClickListener(e -> authentication.logout());
        login.setText(getTranslation("shell.login"));
        login.setIcon(VaadinIcon.SIGN_IN.create());
        login.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        login.addClickListener(e -> UI.getCurrent().navigate("login"));
        boolean in = CurrentUser.isLoggedIn();
        userName.setText(CurrentUser.username().orElse(""));
        userName.setVisible(in);
        logout.setVisible(in);
        login.setVisible(!in);
        HorizontalLayout account = new HorizontalLayout(userName, logout, login);
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.setSpacing(false);
        return account;
    }

    private void updateDarkModeButton() {
        boolean dark = UI.getCurrent() != null && UserPreferences.isDark(UI.getCurrent());
        darkMode.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        String label = getTranslation(dark ? "shell.lightMode" : "shell.darkMode");
        darkMode.setAriaLabel(label);
        darkMode.setTooltipText(label);
    }

    private void configureNav() {
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String title = getTranslation(entry.title());
            SideNavItem item = entry.icon() != null
                    ? new SideNavItem(title, entry.path(), new Icon(entry.icon()))
                    : new SideNavItem(title, entry.path());
            nav.addItem(item);
        }
    }
}
