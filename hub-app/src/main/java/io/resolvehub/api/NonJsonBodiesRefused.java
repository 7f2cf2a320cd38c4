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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The REST API takes JSON (and multipart for uploads), nothing else: a body of any other type is refused with 415
 * before anything parses it.
 * <ul>
 *   <li>A form-encoded body: left alone, Tomcat and Spring's FormContentFilter decode it as form fields on the way to a
 *   JSON route, and one that is not valid percent-encoded UTF-8 (or holds characters Spring Security's firewall
 *   refuses) failed there with a 500.</li>
 *   <li>A YAML body: a library on the class path (jackson-dataformat-yaml, for the OpenAPI description) makes Spring
 *   read {@code application/yaml} into the same records with Jackson 2, past every check of {@link StrictJson}, so a
 *   NUL or an escape sequence was stored in a tenant's name or voice.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class NonJsonBodiesRefused extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(NonJsonBodiesRefused.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/") || type == null || request.getContentLengthLong() == 0
                || taken(type);
    }

    /** JSON, {@code application/*+json}, or a multipart upload; a malformed type is left to Spring's own 415. */
    private static boolean taken(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return true;
        }
        return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix())
                || MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        log.warn("Refused {} {}: a {} body on the JSON API", request.getMethod(), request.getRequestURI(),
                request.getContentType().length() > 100 ? request.getContentType().substring(0, 100) : request.getContentType());
        Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The API does not take this kind of body: send "
                + "JSON with Content-Type: application/json (files as multipart/form-data field 'file'). Nothing was changed.",
                request.getRequestURI());
    }
}
