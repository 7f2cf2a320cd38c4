package io.resolvehub.security;

import io.resolvehub.HubProperties;
import io.resolvehub.api.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may call what: {@code /api/v1/**} needs the admin session or the bearer token, and so does starting a Slack
 * install ({@code /slack/install}); the other channel endpoints verify their platforms' signatures themselves; health
 * and its probes are public; the metrics are the owner's or the scraper's ({@code hub.metrics.token}).
 */
@Configuration
class SecurityConfiguration {

    /** A form posted without the page's CSRF token (or from a session that has since ended): not a missing right. */
    static final String CSRF_REFUSED = "The form's security token is missing or has expired: reload the page and try "
            + "again. Nothing was changed.";


    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around each of the chain's filters: opening and closing one per filter on every request was about
     * a tenth of an acknowledgement's CPU in a profile of the Slack intake (docs/benchmarks.md). Requests are still timed
     * whole ({@code http.server.requests}), the platforms' deliveries also by the hub's acknowledgement timer.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, HubProperties properties, TenantTokens tenantTokens,
                                    LoginAttempts attempts) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        // starting a Slack install links a workspace to a tenant: an admin's act, so sign in first
                        .requestMatchers("/slack/install").hasRole("ADMIN")
                        .requestMatchers("/slack/**", "/teams/**", "/zendesk/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        // Prometheus scrapes with hub.metrics.token, which opens nothing else
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(TenantGrants.OWNER, BearerTokenFilter.METRICS)
                        // hub-wide counters across tenants: the owner's, not a tenant admin's
                        .requestMatchers("/actuator/**").hasAuthority(TenantGrants.OWNER)
                        .requestMatchers("/login", "/error", "/admin.css", "/favicon.ico").permitAll()
                        // the API's description holds no tenant data: readable before choosing a token
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // a tenant's API token (e.g. the Zendesk sidebar's) reads; everything else is an admin's
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("ADMIN", "READER")
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().hasRole("ADMIN"))
                // API clients authenticate with the bearer token, and the admin page's session cookie is SameSite=Strict;
                // the platforms' webhooks carry signatures instead of CSRF tokens.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/slack/**", "/teams/**", "/zendesk/**"))
                .addFilterBefore(new BearerTokenFilter(properties.admin().apiToken(), properties.metrics().token(), tenantTokens), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(attempts.onSuccess()).failureHandler(attempts.onFailure()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
                                        "Authentication required: send 'Authorization: Bearer <hub.admin.api-token>' "
                                                + "or sign in on the admin page.", request.getRequestURI()),
                                request -> request.getRequestURI().startsWith("/api/"))
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                        e instanceof CsrfException ? CSRF_REFUSED : "This account may not use the API.",
                                        request.getRequestURI()),
                                request -> request.getRequestURI().startsWith("/api/")));
        return http.build();
    }
}
