package io.resolvehub.core.inbound;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * How an {@link InboundOutcome} goes over HTTP, the same for every channel: an empty 200 when acknowledged (or the
 * platform's {@link InboundOutcome.Reply}), {@code application/problem+json} otherwise.
 *
 * @param contentType null when there is no body
 */
public record InboundResponse(int status, String contentType, String body, long retryAfterSeconds) {

    public static InboundResponse of(InboundOutcome outcome) {
        return switch (outcome) {
            case InboundOutcome.Accepted accepted when accepted.reply() != null ->
                    new InboundResponse(200, accepted.reply().contentType(), accepted.reply().body(), 0);
            case InboundOutcome.Accepted accepted -> acknowledged();
            case InboundOutcome.Duplicate duplicate -> acknowledged();
            case InboundOutcome.Rejected rejected -> problem(rejected.status(), rejected.detail(), 0);
            case InboundOutcome.Unavailable unavailable -> problem(503, unavailable.detail(),
                    unavailable.retryAfter() == null ? 0 : Math.max(1, unavailable.retryAfter().toSeconds()));
        };
    }

    /** An empty 200: what every platform reads as "delivered" (some show a body to the user, e.g. slash commands). */
    private static InboundResponse acknowledged() {
        return new InboundResponse(200, null, "", 0);
    }

    private static InboundResponse problem(int status, String detail, long retryAfterSeconds) {
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 503 -> "Service Unavailable";
            default -> "Refused";
        };
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
        return new InboundResponse(status, "application/problem+json", body, retryAfterSeconds);
    }

    private static String escape(String text) {
        StringBuilder quoted = new StringBuilder();
        JsonStringEncoder.getInstance().quoteAsString(text == null ? "" : text, quoted);
        return quoted.toString();
    }
}
