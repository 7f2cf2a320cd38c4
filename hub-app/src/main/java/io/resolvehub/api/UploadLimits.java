package io.resolvehub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses an oversized upload from its {@code Content-Length} before a byte of the body is read, so a 100 MB upload
 * costs nothing. Uploads without a length (chunked) are cut off by the multipart limits while streaming to disk.
 */
@Component
public class UploadLimits extends OncePerRequestFilter {

    static final String TOO_LARGE_DETAIL = "The upload is larger than the hub accepts "
            + "(spring.servlet.multipart.max-request-size). Split the document, or raise the limit in the hub's configuration.";

    private final long maxRequestBytes;

    UploadLimits(MultipartProperties multipart) {
        this.maxRequestBytes = multipart.getMaxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (maxRequestBytes > 0 && length > maxRequestBytes) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE_DETAIL + " It was " + length
                    + " bytes; the limit is " + maxRequestBytes + " bytes.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }
}
