package io.resolvehub.security.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every change an admin makes (a POST, PUT, PATCH or DELETE on the API or the admin page that the hub did not
 * refuse) in the {@link AuditLog}: who (the signed-in user, the API token, a tenant token's name), what (method and
 * path, never the body, which may hold secrets), when, and from where (the source IP). Sign-in and the platforms'
 * webhooks are not admin actions.
 */
@Component
class AuditTrail extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern TENANT = Pattern.compile("^/(?:api/v1/tenants|t)/([^/]+)");

    private final AuditLog auditLog;

    AuditTrail(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !CHANGES.contains(request.getMethod()) || !(path.startsWith("/api/") || path.startsWith("/t/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (response.getStatus() >= 400 || who == null || !who.isAuthenticated()) {
            return; // refused: nothing changed
        }
        Matcher tenant = TENANT.matcher(request.getRequestURI());
        try {
            auditLog.record(tenant.find() ? tenant.group(1) : null, who.getName(),
                    request.getMethod() + " " + request.getRequestURI(), response.getStatus(), request.getRemoteAddr());
        } catch (RuntimeException e) {
            // the change is made; losing its audit line must not turn it into an error for the admin
            log.error("Could not record '{} {}' by {} in the audit log", request.getMethod(), request.getRequestURI(),
                    who.getName(), e);
        }
    }
}
