package io.resolvehub.core.internal.support;

import io.resolvehub.core.Citation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few JSON columns core stores (citations, reply contexts, phrase lists, settings), read and written in one place. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static List<Citation> citations(String json) {
        return json == null || json.isBlank() ? List.of() : MAPPER.readValue(json, CITATIONS);
    }

    public static Map<String, String> stringMap(String json) {
        return json == null || json.isBlank() ? Map.of() : MAPPER.readValue(json, STRING_MAP);
    }

    public static List<String> strings(String json) {
        return json == null || json.isBlank() ? List.of() : MAPPER.readValue(json, STRINGS);
    }
}
