package io.resolvehub.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the hub's emails say about themselves (the low-balance email and the digest); the mail server is Spring's
 * {@code spring.mail.*}.
 *
 * @param from    the sender of the hub's emails
 * @param pageUrl the admin page's address as admins reach it (e.g. {@code https://support-hub.acme.com}); when set,
 *                an email links to the page it is about
 */
@ConfigurationProperties("hub.mail")
public record MailProperties(@DefaultValue("ResolveHub <resolvehub@localhost>") String from, String pageUrl) {
}
