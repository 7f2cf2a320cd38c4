package io.resolvehub.api.billing;

import io.resolvehub.api.ApiException;
import tools.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of small JSON bodies: whole numbers must be whole numbers (Jackson would quietly truncate 1.5 coins
 * to 1), unknown members are refused so a typo never goes unnoticed, and every message names the member.
 */
final class JsonBody {

    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    static JsonBody of(JsonNode body, String... allowed) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with " + String.join(", ", allowed) + ".");
        }
        Set<String> unknown = new TreeSet<>(body.propertyNames());
        unknown.removeAll(Set.of(allowed));
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown member(s) " + unknown + "; this call takes "
                    + String.join(", ", allowed) + ". Nothing was changed.");
        }
        return new JsonBody(body);
    }

    long wholeNumber(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("'" + name + "' is required (a whole number). Nothing was changed.");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, not " + value
                    + ". Nothing was changed.");
        }
        return value.longValue();
    }

    String text(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isString() || value.stringValue().isBlank()) {
            throw ApiException.badRequest("'" + name + "' is required (a non-empty string). Nothing was changed.");
        }
        String text = value.stringValue().strip();
        if (text.length() > maxLength) {
            throw ApiException.badRequest("'" + name + "' is longer than " + maxLength + " characters."
                    + " Nothing was changed.");
        }
        return text;
    }
}
