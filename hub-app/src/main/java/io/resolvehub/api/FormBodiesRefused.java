package io.resolvehub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * The REST API takes JSON (and multipart for uploads), never a form-encoded body: one is refused with 415 before
 * anything parses it. Left alone, Tomcat and Spring's FormContentFilter decode such a body as form fields on the way to
 * a JSON route, and a body that is not valid percent-encoded UTF-8 (or holds characters Spring Security's firewall
 * refuses) failed there with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class FormBodiesRefused extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FormBodiesRefused.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/") || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || request.getContentLengthLong() == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        log.warn("Refused {} {}: a form-encoded body on the JSON API", request.getMethod(), request.getRequestURI());
        Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The API does not take form-encoded bodies: send "
                + "JSON with Content-Type: application/json (files as multipart/form-data field 'file'). Nothing was changed.",
                request.getRequestURI());
    }
}
