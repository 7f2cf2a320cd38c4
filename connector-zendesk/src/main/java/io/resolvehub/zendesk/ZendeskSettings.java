package io.resolvehub.zendesk;

import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelSettings;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's Zendesk record ({@code PUT /tenants/{t}/channels/zendesk}), parsed and checked.
 *
 * @param url            the account's base URL, e.g. {@code https://acme.zendesk.com} (the client appends {@code /api/v2})
 * @param email          the agent the API token belongs to
 * @param handoffGroupId the group hand-offs are assigned to; null leaves the group alone
 * @param botUserId      the Zendesk user the AI's public comments are authored by; null = the API token's agent
 */
record ZendeskSettings(String url, String email, String apiToken, String webhookSecret, Long handoffGroupId,
                       Long botUserId) {

    static final String URL = "url";
    static final String EMAIL = "email";
    static final String API_TOKEN = "apiToken";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String HANDOFF_GROUP_ID = "handoffGroupId";
    static final String BOT_USER_ID = "botUserId";

    static final List<ChannelConfigProperty> PROPERTIES = List.of(
            new ChannelConfigProperty(URL, "Zendesk URL, e.g. https://acme.zendesk.com", true, false, false),
            new ChannelConfigProperty(EMAIL, "Email of the agent that owns the API token", true, false, false),
            new ChannelConfigProperty(API_TOKEN, "Zendesk API token", true, true, false),
            new ChannelConfigProperty(WEBHOOK_SECRET, "Signing secret of the webhook that calls /zendesk/webhook/{tenant}", true, true, false),
            new ChannelConfigProperty(HANDOFF_GROUP_ID, "Group id that hand-offs are assigned to (optional)", false, false, false),
            new ChannelConfigProperty(BOT_USER_ID, "User id the AI's public comments are authored by (optional; default: the API token's agent)", false, false, false));

    /** The first problem with the settings, naming the setting; empty when they are usable. */
    static Optional<String> problem(ChannelSettings settings) {
        Optional<String> missing = settings.missing(PROPERTIES);
        if (missing.isPresent()) {
            return missing;
        }
        String url = settings.require(URL);
        try {
            URI uri = URI.create(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                return Optional.of("'url' must be an http(s) URL such as https://acme.zendesk.com, not '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("'url' must be an http(s) URL such as https://acme.zendesk.com, not '" + url + "'");
        }
        for (String name : List.of(HANDOFF_GROUP_ID, BOT_USER_ID)) {
            Optional<String> value = settings.get(name);
            if (value.isPresent() && !value.get().strip().matches("\\d{1,18}")) {
                return Optional.of("'" + name + "' must be a numeric Zendesk id, not '" + value.get() + "'");
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException naming the bad or missing setting */
    static ZendeskSettings of(ChannelSettings settings) {
        problem(settings).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String url = settings.require(URL).strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api/v2")) {
            url = url.substring(0, url.length() - "/api/v2".length());
        }
        return new ZendeskSettings(url, settings.require(EMAIL).strip(), settings.require(API_TOKEN),
                settings.require(WEBHOOK_SECRET), id(settings, HANDOFF_GROUP_ID), id(settings, BOT_USER_ID));
    }

    private static Long id(ChannelSettings settings, String name) {
        return settings.get(name).map(String::strip).map(Long::valueOf).orElse(null);
    }

    /** Where an agent opens a ticket. */
    String agentTicketUrl(long ticketId) {
        return url + "/agent/tickets/" + ticketId;
    }

    @Override
    public String toString() {
        return "ZendeskSettings[url=" + url + ", email=" + email + ", handoffGroupId=" + handoffGroupId
                + ", botUserId=" + botUserId + "]";
    }
}
