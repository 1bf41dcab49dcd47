package io.tinynets.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Base of the server-side UI tests: a mocked Vaadin environment on the real Spring context (real services, real
 * H2 with the Flyway schema), in English unless a test switches.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static Routes routes;
    /** The running test's context, for {@link #login} (a static helper the tests call everywhere). */
    private static ApplicationContext current;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("io.tinynets");
            // Our views are package-private (one package per lab); Karibu's scan sees only public classes.
            try (ScanResult scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                    .acceptPackages("io.tinynets").scan()) {
                scan.getClassesWithAnnotation(Route.class).loadClasses(Component.class)
                        .forEach(routes.getRoutes()::add);
            }
        }
    }

    @BeforeEach
    void setUpVaadin() {
        current = context;
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /**
     * Acts as a logged-in user from now on: a Spring Security context for this thread and a principal with the roles
     * on the mocked request (what Vaadin's view access control reads). Roles without the "ROLE_" prefix: "STUDENT".
     * The account is made (with the first role) when it does not exist yet: the services refuse to act for a username
     * that is not an account.
     */
    public static void login(String user, String... roles) {
        if (current != null) {
            io.tinynets.TestAccounts.ensure(current.getBean(org.springframework.jdbc.core.JdbcTemplate.class), user,
                    roles.length == 0 ? "STUDENT" : roles[0]);
        }
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        User details = new User(user, "unused", authorities);
        UsernamePasswordAuthenticationToken auth =
                UsernamePasswordAuthenticationToken.authenticated(details, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        List<String> granted = List.of(roles);
        request.setUserInRole((principal, role) -> granted.contains(role));
    }

    /** Another user's username, made an account if needed (the experiment services save only for accounts). */
    protected String existingAccount(String username) {
        io.tinynets.TestAccounts.ensure(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), username);
        return username;
    }

    /** Back to an anonymous visitor. */
    public static void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null
                && VaadinServletRequest.getCurrent().getRequest() instanceof FakeRequest request) {
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    /**
     * Runs the UI queue (what background training handed to {@code ui.access}) until the condition holds, failing
     * after {@code timeout}. Live views are tested with this instead of sleeps.
     */
    public static void awaitUi(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }
}
