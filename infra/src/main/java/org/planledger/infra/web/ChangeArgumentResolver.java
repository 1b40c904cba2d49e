package org.planledger.infra.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives every controller method that takes a {@link Change} the request's {@code If-Match} and
 * {@code X-Change-Reason}; an over-long reason header is refused here (400 naming the header)
 * before any command is built. {@link OpenApiConfiguration} documents both headers on those methods.
 */
final class ChangeArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Change.class.equals(parameter.getParameterType());
    }

    @Override
    public Change resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return new Change(request.getHeader(IfMatch.HEADER), request.getHeader(Change.REASON_HEADER));
    }
}
