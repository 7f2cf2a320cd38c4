package io.resolvehub.security.limits;

import io.resolvehub.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 429 with {@code Retry-After} when a client goes over one of the {@link RateLimitProperties limits}, before
 * the request reaches sign-in, the API or a channel endpoint, so a flood costs the hub a map lookup. A limited client
 * is logged once a minute, not once a request.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Pattern API_TENANT = Pattern.compile("^/api/v1/tenants/([^/]+)(/.*)?$");
    private static final Pattern SOURCES = Pattern.compile("^/api/v1/tenants/[^/]+/sources(/[^/]+/resync)?/?$");
    private static final Pattern ZENDESK_TENANT = Pattern.compile("^/zendesk/webhook/([^/]+)/?$");
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final ClientLimiters apiPerIp;
    private final ClientLimiters apiPerTenant;
    private final ClientLimiters sourcesPerTenant;
    private final ClientLimiters inboundPerIp;
    private final ClientLimiters inboundPerTenant;
    private final ClientLimiters signInsPerIp;
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimitProperties limits) {
        Duration second = Duration.ofSeconds(1);
        Duration minute = Duration.ofMinutes(1);
        apiPerIp = new ClientLimiters("API calls per source IP", limits.apiPerIpPerSecond(), second);
        apiPerTenant = new ClientLimiters("API calls per tenant", limits.apiPerTenantPerSecond(), second);
        sourcesPerTenant = new ClientLimiters("knowledge sources per tenant", limits.sourcesPerTenantPerMinute(), minute);
        inboundPerIp = new ClientLimiters("platform deliveries per source IP", limits.inboundPerIpPerSecond(), second);
        inboundPerTenant = new ClientLimiters("webhook deliveries per tenant", limits.inboundPerTenantPerSecond(), second);
        signInsPerIp = new ClientLimiters("sign-in attempts per source IP", limits.signInsPerIpPerMinute(), minute);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Limit limit : limitsFor(request)) {
            Duration wait = limit.limiters().tryAcquire(limit.client());
            if (!wait.isZero()) {
                refuse(request, response, limit, wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private record Limit(ClientLimiters limiters, String client) {
    }

    private List<Limit> limitsFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        String ip = request.getRemoteAddr();
        List<Limit> limits = new ArrayList<>();
        if (path.startsWith("/api/")) {
            limits.add(new Limit(apiPerIp, ip));
            Matcher tenant = API_TENANT.matcher(path);
            if (tenant.matches()) {
                limits.add(new Limit(apiPerTenant, tenant.group(1)));
                if ("POST".equals(request.getMethod()) && SOURCES.matcher(path).matches()) {
                    limits.add(new Limit(sourcesPerTenant, tenant.group(1)));
                }
            }
        } else if (path.startsWith("/slack/") || path.startsWith("/teams/") || path.startsWith("/zendesk/")) {
            limits.add(new Limit(inboundPerIp, ip));
            Matcher tenant = ZENDESK_TENANT.matcher(path);
            if (tenant.matches()) {
                limits.add(new Limit(inboundPerTenant, tenant.group(1)));
            }
        } else if ("/login".equals(path) && "POST".equals(request.getMethod())) {
            limits.add(new Limit(signInsPerIp, ip));
        }
        return limits;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Limit limit, Duration wait)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String key = limit.limiters().name() + " " + limit.client();
        long now = System.nanoTime();
        Long previous = lastLogged.get(key);
        if (previous == null || now - previous >= LOG_EVERY_NANOS) {
            lastLogged.put(key, now);
            if (lastLogged.size() > ClientLimiters.MAX_CLIENTS) {
                lastLogged.values().removeIf(at -> now - at >= LOG_EVERY_NANOS);
            }
            log.warn("Rate limit reached: {} (client {}), answering 429 for {} s; logged once a minute per client",
                    limit.limiters().name(), limit.client(), seconds);
        }
        response.setHeader("Retry-After", Long.toString(seconds));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests: the limit of "
                + limit.limiters().name() + " is reached. Retry after " + seconds + " s.", request.getRequestURI());
    }
}
