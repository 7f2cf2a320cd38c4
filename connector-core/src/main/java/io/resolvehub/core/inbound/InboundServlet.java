package io.resolvehub.core.inbound;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one servlet behind every channel's inbound endpoint: reads the raw body up to a limit (413 beyond), runs the
 * {@link InboundDoor} and writes its {@link InboundOutcome} the same way for every channel ({@link InboundResponse}),
 * with {@code Retry-After} when the platform should deliver again later.
 */
public final class InboundServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(InboundServlet.class);

    private final transient InboundDoor<?> door;
    private final int maxBodyBytes;

    public InboundServlet(InboundDoor<?> door, int maxBodyBytes) {
        this.door = door;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        InboundOutcome outcome;
        try {
            outcome = body.length > maxBodyBytes
                    ? InboundOutcome.rejected(413, "the body is larger than " + maxBodyBytes + " bytes")
                    : door.receive(new InboundRequest(tail(request.getPathInfo()), request::getHeader, body));
        } catch (RuntimeException e) {
            // the door catches what a delivery can cause; this is the hub's own fault: logged once, retried later
            log.error("{} failed; not acknowledged, so the platform delivers it again", request.getRequestURI(), e);
            outcome = InboundOutcome.unavailable("the hub could not take the delivery; retry",
                    InboundDoor.RETRY_AFTER_STORAGE_FAILURE);
        }
        write(outcome, response);
    }

    static void write(InboundOutcome outcome, HttpServletResponse response) throws IOException {
        InboundResponse rendered = InboundResponse.of(outcome);
        response.setStatus(rendered.status());
        if (rendered.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(rendered.retryAfterSeconds()));
        }
        if (rendered.contentType() != null) {
            response.setContentType(rendered.contentType());
            response.getOutputStream().write(rendered.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** "/acme/" → "acme": the part of the path below the mapping, e.g. a webhook's tenant. */
    static String tail(String pathInfo) {
        if (pathInfo == null) {
            return "";
        }
        String tail = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        return tail.endsWith("/") ? tail.substring(0, tail.length() - 1) : tail;
    }
}
