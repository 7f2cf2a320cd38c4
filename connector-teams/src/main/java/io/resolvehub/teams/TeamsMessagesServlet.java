package io.resolvehub.teams;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /teams/messages}, the bot's messaging endpoint. A plain servlet on purpose: the SDK's Spring
 * {@code BotController} fails on Spring 7, and its {@code Activity} must be read with the SDK's own Jackson 2
 * serialisation, not Spring MVC's Jackson 3.
 */
final class TeamsMessagesServlet extends HttpServlet {

    static final String PATH = "/teams/messages";

    private final transient TeamsInbound inbound;
    private final int maxBytes;

    TeamsMessagesServlet(TeamsInbound inbound, int maxBytes) {
        this.inbound = inbound;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        TeamsInbound.Outcome outcome = body.length > maxBytes
                ? new TeamsInbound.Outcome(413, "{\"error\":\"activity larger than " + maxBytes + " bytes\"}")
                : inbound.receive(new String(body, StandardCharsets.UTF_8), request.getHeader("Authorization"));
        response.setStatus(outcome.status());
        if (!outcome.body().isEmpty()) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(outcome.body());
        }
    }
}
