package io.resolvehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Times each platform delivery from the moment the hub's web server hands it over to the moment the answer (the
 * acknowledgement, or the refusal) is written: {@code resolvehub.intake.ack}, tagged by channel and HTTP status, with a
 * histogram so Prometheus can compute percentiles across instances. Platforms give up on slow acknowledgements (Slack
 * after 3 s), so this is the latency to alert on.
 */
final class AcknowledgementTimer extends OncePerRequestFilter {

    static final String ACK = "resolvehub.intake.ack";

    private final MeterRegistry registry;

    AcknowledgementTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(request, response);
        } finally {
            sample.stop(Timer.builder(ACK)
                    .description("Time to answer a platform's delivery (acknowledge or refuse it)")
                    .tags("channel", channel(request.getRequestURI()), "status", Integer.toString(response.getStatus()))
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    /** "/zendesk/webhook/acme" → "zendesk": the first path segment names the channel. */
    static String channel(String uri) {
        String path = uri.startsWith("/") ? uri.substring(1) : uri;
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
