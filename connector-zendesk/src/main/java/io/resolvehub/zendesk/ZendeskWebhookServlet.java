package io.resolvehub.zendesk;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Serves {@code POST /zendesk/webhook/{tenant}}: reads the raw body (the signature covers its exact bytes). */
final class ZendeskWebhookServlet extends HttpServlet {

    static final String PATH = "/zendesk/webhook/*";

    private final transient ZendeskWebhook webhook;
    private final int maxBodyBytes;

    ZendeskWebhookServlet(ZendeskWebhook webhook, int maxBodyBytes) {
        this.webhook = webhook;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String tenant = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        if (tenant.endsWith("/")) {
            tenant = tenant.substring(0, tenant.length() - 1);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        ZendeskWebhook.Response answer = body.length > maxBodyBytes
                ? ZendeskWebhook.Response.of(413, "the body is larger than " + maxBodyBytes + " bytes")
                : webhook.handle(tenant, request::getHeader, body);
        response.setStatus(answer.status());
        if (answer.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, answer.retryAfter().toSeconds())));
        }
        response.setContentType("application/json");
        response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
