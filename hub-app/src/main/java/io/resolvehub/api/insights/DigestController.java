package io.resolvehub.api.insights;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.Problems;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.insights.DigestDelivery;
import io.resolvehub.insights.DigestSettings;
import io.resolvehub.insights.Digests;
import io.resolvehub.insights.InvalidDigestSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** The digest: where and when it goes, sending it now, and how its deliveries went. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/digest")
class DigestController {

    private static final Set<String> MEMBERS = Set.of("schedule", "channel", "target", "timeZone");

    private final TenantAccess access;
    private final Digests digests;

    DigestController(TenantAccess access, Digests digests) {
        this.access = access;
        this.digests = digests;
    }

    @GetMapping
    DigestSettings settings(@PathVariable String tenant) {
        return digests.settings(access.require(tenant));
    }

    @PutMapping
    DigestSettings save(@PathVariable String tenant, @RequestBody(required = false) JsonNode body) {
        var id = access.require(tenant);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Send a JSON object, e.g. {\"schedule\":\"weekly\",\"channel\":\"slack\","
                    + "\"target\":\"C0123ABCD\",\"timeZone\":\"Europe/Berlin\"}.");
        }
        for (String name : body.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw ApiException.badRequest("Unknown member '" + name + "': the digest takes schedule, channel,"
                        + " target and timeZone.");
            }
        }
        return digests.save(id, new DigestSettings(text(body, "schedule"), text(body, "channel"),
                text(body, "target"), text(body, "timeZone")));
    }

    /** Each call sends one digest, of the schedule's period up to now. */
    @PostMapping("/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DigestDelivery send(@PathVariable String tenant) {
        return digests.sendNow(access.require(tenant));
    }

    @GetMapping("/deliveries")
    List<DigestDelivery> deliveries(@PathVariable String tenant) {
        return digests.deliveries(access.require(tenant), 50);
    }

    @ExceptionHandler(InvalidDigestSettings.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDigestSettings e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage() + " Nothing was changed.",
                request.getRequestURI()));
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("'" + name + "' must be a string.");
        }
        return value.stringValue();
    }
}
