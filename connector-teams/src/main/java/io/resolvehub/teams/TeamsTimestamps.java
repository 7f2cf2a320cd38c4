package io.resolvehub.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The Bot Framework SDK reads an activity's {@code timestamp} and {@code localTimestamp} only with a fraction of a
 * second ({@code 2026-11-29T10:15:03.659Z}), yet the protocol allows any ISO 8601 date-time and channels do send
 * {@code 2026-11-29T10:15:03Z}. Each is rewritten in the SDK's form before the SDK reads the activity; one that is not
 * a date-time at all is dropped (the hub dates a message by when it received it).
 */
final class TeamsTimestamps {

    /** The SDK's own pattern ({@code yyyy-MM-dd'T'HH:mm:ss.nXXX}) with the fraction always written. */
    private static final DateTimeFormatter SDK_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nXXX");

    private TeamsTimestamps() {
    }

    static JsonNode normalized(JsonNode activity) {
        if (activity instanceof ObjectNode object) {
            normalize(object, "timestamp");
            normalize(object, "localTimestamp");
        }
        return activity;
    }

    private static void normalize(ObjectNode activity, String field) {
        JsonNode value = activity.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        try {
            activity.put(field, SDK_FORM.format(OffsetDateTime.parse(value.asText())));
        } catch (DateTimeException e) {
            activity.remove(field);
        }
    }
}
