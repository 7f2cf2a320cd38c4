package io.resolvehub.api;

import io.resolvehub.agent.IngestionBusyException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every API error into problem+json with a {@code detail} a person can act on. Spring's own exceptions get
 * Spring's problem bodies, with clearer details where the defaults are vague.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException e, HttpServletRequest request) {
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), request.getRequestURI()));
    }

    /** The ingestion queue is full (adding or resyncing a knowledge source): nothing was done, retry later. */
    @ExceptionHandler(IngestionBusyException.class)
    ResponseEntity<ProblemDetail> ingestionBusy(IngestionBusyException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), request.getRequestURI()));
    }

    /**
     * A multipart body that cannot be parsed (no {@code boundary=} in the Content-Type, a body cut off before its
     * closing boundary). Spring parses multipart before it chooses a controller, so no controller can answer this one.
     * An upload over the size limit is a {@link MaxUploadSizeExceededException}, answered 413 below.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e, HttpServletRequest request) {
        String cause = e.getMostSpecificCause() == e ? null : e.getMostSpecificCause().getMessage();
        String detail = "The request is not a well-formed multipart/form-data body"
                + (cause == null ? "" : " (" + firstLine(cause) + ")")
                + ". Send an upload as form field 'file' in a complete multipart body whose boundary the Content-Type "
                + "header names, as curl -F file=@guide.pdf does. Nothing was changed.";
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, detail, request.getRequestURI()));
    }

    /**
     * Spring Security's firewall refused a form field's name or value (a control character, half a surrogate pair).
     * It checks them only when something reads the form, which Spring MVC does for a form-encoded body sent to a JSON
     * route, so this comes from inside the controller's argument binding.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedForm(RequestRejectedException e, HttpServletRequest request) {
        // the message quotes the refused field, control characters and all: not for the log
        log.warn("Refused {} {}: a form field the firewall does not accept", request.getMethod(), request.getRequestURI());
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "The request's form fields hold "
                + "characters the hub does not accept (control characters or broken Unicode). The API takes JSON: send "
                + "the body with Content-Type: application/json. Nothing was changed.", request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The hub failed unexpectedly; nothing was changed. The error is in the hub's log.",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail;
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            // Spring's message names the controller method's Java signature: say what to send instead.
            detail = "The request body is empty; send a JSON object" + expectedFields(request)
                    + " (Content-Type: application/json). Nothing was changed.";
        } else {
            // described in words: Jackson's own message names the Java types the body was read into
            detail = "The request body is not valid for this call: " + JsonProblems.describe(e)
                    + ". Nothing was changed.";
        }
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, detail, null), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        // Name what the client sent: without a header Spring reports "null" (or the application/octet-stream it assumed).
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        sent = sent == null || sent.isBlank() ? "The request has no Content-Type header"
                : "Content-Type " + sent + " is not accepted here";
        List<MediaType> accepted = e.getSupportedMediaTypes();
        String detail = sent + (accepted.isEmpty() ? "." : "; send the body as "
                + accepted.stream().map(MediaType::toString).collect(Collectors.joining(" or ")) + ".");
        return handleExceptionInternal(e, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail, null), headers,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return handleExceptionInternal(e, Problems.of(HttpStatus.CONTENT_TOO_LARGE, UploadLimits.TOO_LARGE_DETAIL, null),
                headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * A request parameter of a kind no converter reads, such as a file sent as the upload's {@code title} field. Spring
     * answers this with a 500 whose detail names the file's Java class; it is the client's input that is wrong.
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? "'" + e.getPropertyName() + "'" : "A field";
        String detail = field + " has the wrong kind of value (a file where text belongs, or text where a file belongs): "
                + "send it as the form's plain text field, the document as field 'file'. Nothing was changed.";
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, detail, null), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** " with fields 'a', 'b'" when the called method takes a record as its JSON body; empty otherwise. */
    private static String expectedFields(WebRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(handler instanceof HandlerMethod method)) {
            return "";
        }
        Optional<Class<?>> body = Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                .<Class<?>>map(p -> p.getParameterType())
                .findFirst();
        // Request records carry no Jackson renames, so their component names are the JSON field names.
        return body.filter(Class::isRecord)
                .map(type -> " with fields " + Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName).map(name -> "'" + name + "'")
                        .collect(Collectors.joining(", ")))
                .orElse("");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
