package io.resolvehub.api.conversations;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code GET/PUT /tenants/{t}/handoff-policy}. A PUT may leave members out: they keep their current value. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/handoff-policy")
class HandoffPolicyController {

    private static final Set<String> MEMBERS = Set.of("confidenceThreshold", "maxAiTurns", "humanPhrases", "clarifyFirst");

    record PolicyView(double confidenceThreshold, int maxAiTurns, List<String> humanPhrases, boolean clarifyFirst) {
        static PolicyView of(HandoffPolicy p) {
            return new PolicyView(p.confidenceThreshold(), p.maxAiTurns(), p.humanPhrases(), p.clarifyFirst());
        }
    }

    private final TenantAccess access;
    private final HandoffPolicies policies;

    HandoffPolicyController(TenantAccess access, HandoffPolicies policies) {
        this.access = access;
        this.policies = policies;
    }

    @GetMapping
    PolicyView get(@PathVariable String tenant) {
        return PolicyView.of(policies.get(access.require(tenant)));
    }

    @PutMapping
    PolicyView put(@PathVariable String tenant, @RequestBody(required = false) JsonNode body) {
        TenantId t = access.require(tenant);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object like {\"confidenceThreshold\":0.5,"
                    + "\"maxAiTurns\":3,\"humanPhrases\":[\"talk to a human\"],\"clarifyFirst\":true}.");
        }
        Set<String> unknown = new TreeSet<>(body.propertyNames());
        unknown.removeAll(MEMBERS);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown member(s) " + unknown + "; the policy has " + new TreeSet<>(MEMBERS)
                    + ". Nothing was changed.");
        }
        HandoffPolicy current = policies.get(t);
        List<String> problems = new ArrayList<>();
        double threshold = current.confidenceThreshold();
        JsonNode v = body.get("confidenceThreshold");
        if (v != null) {
            if (v.isNumber()) threshold = v.doubleValue();
            else problems.add("confidenceThreshold must be a number between 0 and 1");
        }
        int maxAiTurns = current.maxAiTurns();
        v = body.get("maxAiTurns");
        if (v != null) {
            if (v.isIntegralNumber() && v.canConvertToInt()) maxAiTurns = v.intValue();
            else problems.add("maxAiTurns must be a whole number between 1 and 50");
        }
        List<String> phrases = current.humanPhrases();
        v = body.get("humanPhrases");
        if (v != null) {
            if (v.isArray()) {
                List<String> given = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    JsonNode p = v.get(i);
                    if (p.isString()) given.add(p.stringValue());
                    else problems.add("humanPhrases[" + i + "] must be a string");
                }
                phrases = given;
            } else {
                problems.add("humanPhrases must be an array of strings");
            }
        }
        boolean clarifyFirst = current.clarifyFirst();
        v = body.get("clarifyFirst");
        if (v != null) {
            if (v.isBoolean()) clarifyFirst = v.booleanValue();
            else problems.add("clarifyFirst must be true or false");
        }
        HandoffPolicy updated = new HandoffPolicy(threshold, maxAiTurns, phrases, clarifyFirst);
        problems.addAll(updated.problems());
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems) + ". Nothing was changed.");
        }
        policies.save(t, updated);
        return PolicyView.of(policies.get(t));
    }
}
