package io.resolvehub.api.billing;

import io.resolvehub.api.Problems;
import io.resolvehub.billing.BillingException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Billing's refusals as problem+json: invalid → 400, unknown charge → 404, conflict (reused top-up reference,
 * charge already refunded) → 409. Ordered first so the hub's catch-all handler does not turn them into 500s.
 */
@RestControllerAdvice(basePackageClasses = BillingErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BillingErrors {

    @ExceptionHandler(BillingException.class)
    ResponseEntity<ProblemDetail> refused(BillingException e, HttpServletRequest request) {
        HttpStatus status = switch (e) {
            case BillingException.Invalid invalid -> HttpStatus.BAD_REQUEST;
            case BillingException.NotFound notFound -> HttpStatus.NOT_FOUND;
            case BillingException.Conflict conflict -> HttpStatus.CONFLICT;
        };
        String detail = e.getMessage() + (status == HttpStatus.NOT_FOUND ? "" : ". Nothing was changed.");
        return ResponseEntity.status(status).body(Problems.of(status, detail, request.getRequestURI()));
    }
}
