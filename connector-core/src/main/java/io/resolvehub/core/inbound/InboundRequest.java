package io.resolvehub.core.inbound;

import java.util.Objects;
import java.util.function.Function;

/**
 * One HTTP delivery from a platform, as the kit hands it to an {@link InboundEndpoint}: the raw body (signatures
 * cover its exact bytes), the path below the endpoint's mapping, and the request headers.
 *
 * @param pathInfo the path below the servlet mapping without its slashes (a webhook's tenant), "" when none
 * @param headers  looks a header up by name, case-insensitively as servlets do; null when absent
 * @param body     the raw body, never larger than the endpoint's limit
 */
public record InboundRequest(String pathInfo, Function<String, String> headers, byte[] body) {

    public InboundRequest {
        pathInfo = pathInfo == null ? "" : pathInfo;
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.apply(name);
    }
}
