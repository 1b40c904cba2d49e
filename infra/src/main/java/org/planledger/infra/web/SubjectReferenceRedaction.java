package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.planledger.infra.security.Roles;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Referral subject references are hidden from BOARD and SCRUTINY in every response. Rather than
 * trusting each endpoint and each future read model to leave them out, every JSON body of the API
 * passes through here: for a caller without a role entitled to see them (PLAN_MANAGER,
 * DELIVERY_LEAD, AUDITOR), any property named {@code subjectRef} is removed at any depth, and a
 * change entry that describes that field ({@code "field": "subjectRef"}) loses its values.
 */
@RestControllerAdvice
public class SubjectReferenceRedaction implements ResponseBodyAdvice<Object> {

    private final ObjectMapper objectMapper;

    public SubjectReferenceRedaction(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || !request.getURI().getPath().startsWith("/api/")) {
            return body;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && Roles.maySeeSubjectReferences(caller)) {
            return body;
        }
        JsonNode tree = objectMapper.valueToTree(body);
        redact(tree);
        return tree;
    }

    /** Removes subject references from the tree in place; the web pages use it too. */
    public static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode field = object.get("field");
            if (field != null && field.isTextual() && isSubjectRef(field.asText())) {
                object.remove(java.util.List.of("before", "after", "value", "from", "to"));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (isSubjectRef(entry.getKey())) {
                    fields.remove();
                } else {
                    redact(entry.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SubjectReferenceRedaction::redact);
        }
    }

    private static boolean isSubjectRef(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("subjectref") || lower.equals("subjectreference") || lower.endsWith(".subjectref");
    }
}
