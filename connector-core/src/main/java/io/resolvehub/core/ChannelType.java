package io.resolvehub.core;

import java.util.Objects;

/**
 * A channel's stable id, as stored in the database and shown in the API ({@code "slack"}, {@code "teams"},
 * {@code "zendesk"}, {@code "web"}).
 */
public record ChannelType(String id) {

    public static final ChannelType SLACK = new ChannelType("slack");
    public static final ChannelType TEAMS = new ChannelType("teams");
    public static final ChannelType ZENDESK = new ChannelType("zendesk");
    /** The hub's built-in web channel: the {@code /conversations} API and the admin page's "try it". */
    public static final ChannelType WEB = new ChannelType("web");

    public ChannelType {
        Objects.requireNonNull(id, "channel type");
    }

    @Override
    public String toString() {
        return id;
    }
}
