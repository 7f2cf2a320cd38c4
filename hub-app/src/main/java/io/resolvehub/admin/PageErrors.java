package io.resolvehub.admin;

import io.resolvehub.api.ApiException;
import io.resolvehub.billing.BillingException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An admin page that cannot be shown (an unknown tenant, another tenant's conversation) gets a page that says why
 * and where to go, not the API's problem+json. Ordered before the API's handler, which would otherwise answer JSON.
 */
@ControllerAdvice(annotations = AdminPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ApiException.class)
    String apiException(ApiException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        return page(model, e.status().value(), e.getMessage());
    }

    @ExceptionHandler(BillingException.class)
    String billingException(BillingException e, Model model, HttpServletResponse response) {
        int status = e instanceof BillingException.NotFound ? 404 : e instanceof BillingException.Conflict ? 409 : 400;
        response.setStatus(status);
        return page(model, status, e.getMessage());
    }

    private static String page(Model model, int status, String message) {
        model.addAttribute("status", status);
        // The API's wording names API calls; on the page the next step is a link, so keep only the first sentence.
        int end = message.indexOf(". ");
        model.addAttribute("message", end > 0 ? message.substring(0, end + 1) : message);
        return "error-page";
    }
}
