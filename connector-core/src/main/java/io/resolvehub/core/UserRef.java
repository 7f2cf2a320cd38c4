package io.resolvehub.core;

/**
 * Who wrote a message, as the channel knows them.
 *
 * @param platformId  the channel's user id (Slack {@code U…}, Teams AAD object id, Zendesk user id); may be null on the web
 * @param displayName a name to show; may be null
 * @param email       the user's email where the channel tells it; may be null
 */
public record UserRef(String platformId, String displayName, String email) {

    public static UserRef anonymous() {
        return new UserRef(null, null, null);
    }

    /** The best human-readable label: name, else email, else id, else "anonymous". */
    public String label() {
        if (displayName != null && !displayName.isBlank()) return displayName;
        if (email != null && !email.isBlank()) return email;
        if (platformId != null && !platformId.isBlank()) return platformId;
        return "anonymous";
    }
}
