package io.resolvehub.core.inbound;

import tools.jackson.core.io.JsonStringEncoder;

/** How an {@link InboundOutcome} goes over HTTP; the same for every channel. */
public record InboundResponse(int status, String contentType, String body, long retryAfterSeconds) {

    public static InboundResponse of(InboundOutcome outcome) {
        return switch (outcome) {
            case InboundOutcome.Accepted accepted -> acknowledged(accepted.note());
            case InboundOutcome.Duplicate duplicate -> acknowledged("duplicate");
            case InboundOutcome.Rejected rejected -> problem(rejected.status(), rejected.detail(), 0);
            case InboundOutcome.Unavailable unavailable -> problem(503, unavailable.detail(),
                    unavailable.retryAfter() == null ? 0 : Math.max(1, unavailable.retryAfter().toSeconds()));
        };
    }

    private static InboundResponse acknowledged(String note) {
        return new InboundResponse(200, "application/json", "{\"outcome\":\"" + escape(note) + "\"}", 0);
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
