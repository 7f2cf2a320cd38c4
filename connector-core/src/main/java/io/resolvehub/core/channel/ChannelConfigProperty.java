package io.resolvehub.core.channel;

/**
 * One setting a channel needs, described so the admin page can render a form and the API can mask secrets.
 *
 * @param name     the JSON key, e.g. {@code botToken}
 * @param label    what the admin form shows
 * @param required whether the channel cannot work without it
 * @param secret   masked on read, kept when an update leaves it out, encrypted at rest
 * @param accountKey whether this value identifies the platform account (Slack team id, Teams tenant id); the hub
 *                 finds the tenant of an inbound event by it, so it is unique per channel
 */
public record ChannelConfigProperty(String name, String label, boolean required, boolean secret, boolean accountKey) {
}
