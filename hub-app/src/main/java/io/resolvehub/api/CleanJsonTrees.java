package io.resolvehub.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * The {@link StrictJson} rule for bodies read as a JSON tree rather than a record: a string anywhere in the tree that
 * holds a control character or half a surrogate pair is refused (400, naming the field) before the controller sees it.
 * PostgreSQL refuses a NUL in text, so such a value got as far as the database and failed there with a 500.
 */
@ControllerAdvice
class CleanJsonTrees extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JsonNode.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        check((JsonNode) body, null);
        return body;
    }

    private static void check(JsonNode node, String field) {
        if (node.isString()) {
            String problem = StrictJson.CleanStrings.problem(node.stringValue());
            if (problem != null) {
                throw ApiException.badRequest("The request body is not valid for this call: "
                        + (field == null ? "a value" : field.startsWith("with ") ? "a field " + field : "field '" + field + "'") + " " + problem + ". Nothing was changed.");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                check(member.getValue(), StrictJson.CleanStrings.problem(name) == null ? name : "with an unprintable name");
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                check(item, field);
            }
        }
    }
}
