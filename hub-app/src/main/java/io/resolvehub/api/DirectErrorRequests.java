package io.resolvehub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code /error} is where the servlet container forwards a failed request; asked for directly it has no error to
 * show, and Spring Boot's error controller then answers 500. A direct request gets a 404 instead (the forward is an
 * ERROR dispatch, which this filter does not see).
 */
@Component
class DirectErrorRequests extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/error".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Problems.write(response, HttpStatus.NOT_FOUND, "There is nothing at /error.", request.getRequestURI());
    }
}
