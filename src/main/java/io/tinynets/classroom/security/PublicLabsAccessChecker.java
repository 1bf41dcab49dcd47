package io.tinynets.classroom.security;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;

/**
 * Which views need a login. The labs (every view under {@code io.tinynets.lab}) and the home page are open to
 * everyone, so a teacher can project a lab at once and a visitor can try it; their training runs are keyed per
 * browser session. Every other view needs the access annotations ({@code @PermitAll}, {@code @RolesAllowed},
 * {@code @AnonymousAllowed}) and is refused without them. Kept here, by package, so the lab views need no security
 * annotation of their own.
 */
final class PublicLabsAccessChecker implements NavigationAccessChecker {

    static final String PUBLIC_LAB_PACKAGE = "io.tinynets.lab.";
    static final String HOME_VIEW = "io.tinynets.base.ui.HomeView";

    private final AnnotatedViewAccessChecker annotations = new AnnotatedViewAccessChecker();

    @Override
    public AccessCheckResult check(NavigationContext context) {
        if (isPublic(context.getNavigationTarget())) {
            return context.allow();
        }
        return annotations.check(context);
    }

    static boolean isPublic(Class<?> view) {
        return view != null && (view.getName().startsWith(PUBLIC_LAB_PACKAGE) || view.getName().equals(HOME_VIEW));
    }
}
