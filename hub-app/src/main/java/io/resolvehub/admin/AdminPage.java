package io.resolvehub.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a controller of the admin page, so {@link PageModel} and {@link PageErrors} apply to it (and not to the API). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AdminPage {
}
