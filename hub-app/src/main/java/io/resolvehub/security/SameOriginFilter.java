package io.resolvehub.security;

import io.resolvehub.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;

/**
 * A state-changing request that rides on the admin session cookie must come from the hub's own pages: when the
 * browser names an {@code Origin} that is not this host, the request is refused with 403 before anything runs. It
 * backs up the CSRF token and the SameSite=Strict cookie (a request without the cookie, e.g. an API call with a bearer
 * token or a platform's webhook, is not a browser's and is not checked here).
 */
public final class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (SAFE.contains(request.getMethod()) || origin == null || !hasSessionCookie(request) || sameOrigin(origin, request)) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, HttpStatus.FORBIDDEN, "This request comes from another site (Origin " + origin
                + "); the admin page's own forms and calls are accepted. Nothing was changed.", request.getRequestURI());
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> "JSESSIONID".equals(c.getName()));
    }

    /** The Origin's host and port are the ones the request was sent to (as forwarded by a proxy, when configured). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed frame) or garbage
        }
    }
}
