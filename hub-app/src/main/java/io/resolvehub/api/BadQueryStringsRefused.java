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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A query string that is not percent-encoded UTF-8 ({@code ?channel=%ff}, {@code %zz}, half a character), or that
 * holds a NUL or another control character once decoded, is refused with 400 on every path before anything reads a
 * parameter. Left alone, Tomcat throws when a parameter is first read (by a controller, Spring Security or the
 * actuator), and that was a 500; a NUL would reach PostgreSQL, which refuses it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BadQueryStringsRefused extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BadQueryStringsRefused.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null || problem(request.getQueryString()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request.getQueryString());
        log.warn("Refused {} {}: its query string {}", request.getMethod(), request.getRequestURI(), problem);
        Problems.write(response, HttpStatus.BAD_REQUEST, "The query string " + problem + ": percent-encode parameters "
                + "as UTF-8 (e.g. %C3%A9 for é). Nothing was changed.", request.getRequestURI());
    }

    /** What is wrong with the raw query string, or null. */
    static String problem(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                int high = i + 1 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
                int low = i + 2 < query.length() ? Character.digit(query.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return "holds a '%' that is not followed by two hexadecimal digits";
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8";
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return String.format("holds the control character U+%04X", (int) c);
            }
        }
        return null;
    }
}
