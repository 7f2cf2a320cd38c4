package io.resolvehub.core.channel;

/**
 * A ticket a hand-off created or updated.
 *
 * @param system  {@code "zendesk"} or {@code "hub"} (the hub's own inbox)
 * @param id      the ticket number as the system shows it
 * @param url     where an agent opens it; may be null
 */
public record TicketRef(String system, String id, String url) {

    /** How the ticket is named to the user, e.g. "#1234". */
    public String display() {
        return "#" + id;
    }
}
