package org.planledger.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.planledger.infra.security.Roles;
import org.planledger.infra.security.SubjectReferences;
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
        SubjectReferences.redact(tree);
        return tree;
    }
}
