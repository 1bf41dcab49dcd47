package io.tinynets.base.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page anyone may open without logging in (the home page and the labs: a teacher projects a lab at once, a visitor
 * tries it, and their training runs are keyed per browser session). The security configuration reads this mark on the
 * route class itself, so moving or renaming a view never changes who may open it; a view without it needs the access
 * annotations ({@code @PermitAll}, {@code @RolesAllowed}, {@code @AnonymousAllowed}) and is refused without them.
 * Deliberately not inherited: a page is public only where it says so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicView {
}
