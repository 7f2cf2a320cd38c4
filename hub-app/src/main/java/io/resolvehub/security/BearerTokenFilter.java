package io.resolvehub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the deployment's {@code hub.admin.api-token} as the owner
 * (compared in constant time), {@code hub.metrics.token} as the metrics scraper (which may read
 * {@code /actuator/prometheus} only), a tenant's API token ({@link TenantTokens}) as a reader of that tenant only. A wrong
 * token is simply not authenticated (the entry point then answers 401).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    static final String READER = "ROLE_READER";
    static final String METRICS = "ROLE_METRICS";

    private final byte[] token;
    private final byte[] metricsToken;
    private final TenantTokens tenantTokens;

    BearerTokenFilter(String token, String metricsToken, TenantTokens tenantTokens) {
        this.token = bytes(token);
        this.metricsToken = bytes(metricsToken);
        this.tenantTokens = tenantTokens;
    }

    private static byte[] bytes(String token) {
        return token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String presented = header.substring(PREFIX.length()).strip();
            byte[] given = presented.getBytes(StandardCharsets.UTF_8);
            if (token != null && MessageDigest.isEqual(token, given)) {
                authenticate("api-token", "ROLE_ADMIN", TenantGrants.OWNER);
            } else if (metricsToken != null && MessageDigest.isEqual(metricsToken, given)) {
                authenticate("metrics-token", METRICS);
            } else if (!presented.isEmpty()) {
                tenantTokens.holderOf(presented).ifPresent(holder -> authenticate("token:" + holder.name(),
                        READER, TenantGrants.TENANT_PREFIX + holder.tenant().value()));
            }
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(String name, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList(authorities)));
    }
}
