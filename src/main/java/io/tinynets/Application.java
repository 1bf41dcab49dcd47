package io.tinynets;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** Tiny Nets Lab: the Spring Boot entry point and Vaadin's app shell (theme, server push for live training). */
@SpringBootApplication
@Push
@Theme("tinynets")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /**
     * The icon in every page's head: the drawn SVG for browsers that take one, /favicon.ico (the same network) for
     * the rest and for the request a browser makes on its own. Both are static resources Vaadin's security lets
     * through without an account.
     */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icons/favicon.svg", Map.of("rel", "icon", "type", "image/svg+xml", "sizes", "any"));
        settings.addLink("favicon.ico", Map.of("rel", "icon", "sizes", "16x16 32x32"));
    }
}
