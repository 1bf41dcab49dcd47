package io.tinynets.classroom.security;

import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import io.tinynets.base.ui.PublicView;

/**
 * Which views need a login. The views marked {@link PublicView} (the labs and the home page) are open to everyone, so
 * a teacher can project a lab at once and a visitor can try it; their training runs are keyed per browser session.
 * Every other view needs the access annotations ({@code @PermitAll}, {@code @RolesAllowed},
 * {@code @AnonymousAllowed}) and is refused without them. The mark is read on the route class itself, never derived
 * from its package, so moving a class cannot change who may open it.
 */
final class PublicLabsAccessChecker implements NavigationAccessChecker {

    private final AnnotatedViewAccessChecker annotations = new AnnotatedViewAccessChecker();

    @Override
    public AccessCheckResult check(NavigationContext context) {
        if (isPublic(context.getNavigationTarget())) {
            return context.allow();
        }
        return annotations.check(context);
    }

    static boolean isPublic(Class<?> view) {
        return view != null && view.isAnnotationPresent(PublicView.class);
    }
}
