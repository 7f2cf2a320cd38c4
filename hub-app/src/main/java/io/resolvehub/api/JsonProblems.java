package io.resolvehub.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says in a person's words what is wrong with a JSON body: which field, and what it must be. Jackson's own messages
 * name the Java types the body was read into ({@code Cannot deserialize value of type `…$CreateTenant`}), which mean
 * nothing to a caller and tell an attacker how the hub is built.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static String describe(Throwable failure) {
        JacksonException e = jacksonCause(failure);
        if (e == null) {
            return "the body is not valid JSON";
        }
        String where = field(e);
        return switch (e) {
            case UnrecognizedPropertyException unknown -> "field '" + unknown.getPropertyName() + "' is not part of this call";
            case InvalidFormatException invalid when invalid.getOriginalMessage().startsWith(StrictJson.HOLDS) ->
                    where + " " + invalid.getOriginalMessage();
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    where + " must be " + kind(mismatch.getTargetType());
            case StreamReadException malformed -> "the body is not valid JSON" + at(malformed.getLocation());
            default -> where + " has a value this call cannot take";
        };
    }

    private static JacksonException jacksonCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** "field 'voice.tone'" or "the body". */
    private static String field(JacksonException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
                .collect(Collectors.joining());
        return path.isEmpty() ? "the body" : "field '" + (path.startsWith(".") ? path.substring(1) : path) + "'";
    }

    private static String kind(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "a JSON object" : "a value of another type";
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
