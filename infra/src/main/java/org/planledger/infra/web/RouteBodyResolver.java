package org.planledger.infra.web;

import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a command route's body as its own request record, with Spring MVC's own
 * {@code @Valid @RequestBody} reading: the same message converters (the strict {@link ApiJson}),
 * the same Bean Validation, and so the same failures ({@code HttpMessageNotReadableException},
 * {@code MethodArgumentNotValidException}) that {@link ApiProblems} turns into the problem naming
 * the field. Only the declared type differs per route, so the reader is given a parameter that
 * says the route's record where the generic handler says {@link CommandRoutes.RouteBody}.
 */
final class RouteBodyResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;
    private final AtomicReference<RequestResponseBodyMethodProcessor> reader = new AtomicReference<>();

    RouteBodyResolver(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.adapter = adapter;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CommandRoutes.RouteBody.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) throws Exception {
        HandlerMethod handler = (HandlerMethod) request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                NativeWebRequest.SCOPE_REQUEST);
        CommandRoute<?> route = ((CommandRoutes.Endpoint) handler.getBean()).route();
        if (!route.readsBody()) {
            return new CommandRoutes.RouteBody(null);
        }
        Object body = reader().resolveArgument(new RecordParameter(route), mavContainer, request, binderFactory);
        return new CommandRoutes.RouteBody(body);
    }

    private RequestResponseBodyMethodProcessor reader() {
        return reader.updateAndGet(existing -> existing != null ? existing
                : new RequestResponseBodyMethodProcessor(adapter.getObject().getMessageConverters()));
    }

    /** The two shapes a route's body parameter takes: required, or optional. */
    @SuppressWarnings("unused")
    private static void shapes(@Valid @RequestBody Object required, @Valid @RequestBody(required = false) Object optional) {
    }

    private static final Method SHAPES;

    static {
        try {
            SHAPES = RouteBodyResolver.class.getDeclaredMethod("shapes", Object.class, Object.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code @Valid @RequestBody} of the route's record type (required or not, as the route says). */
    private static final class RecordParameter extends MethodParameter {

        private final Class<?> type;

        RecordParameter(CommandRoute<?> route) {
            super(SHAPES, route.bodyRequired ? 0 : 1);
            this.type = route.body;
        }

        private RecordParameter(RecordParameter original) {
            super(original);
            this.type = original.type;
        }

        @Override
        public Class<?> getParameterType() {
            return type;
        }

        @Override
        public Type getGenericParameterType() {
            return type;
        }

        @Override
        public Class<?> getContainingClass() {
            return type;
        }

        @Override
        public String getParameterName() {
            return "body";
        }

        @Override
        public RecordParameter clone() {
            return new RecordParameter(this);
        }
    }
}
