package org.planledger.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.DeclaredEndpoint;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.RoleDeclarations;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Registers every {@link CommandRoute} with Spring MVC's own handler mapping at start-up, each as a
 * handler method of its own {@link Endpoint}. Registering into the annotation-driven mapping, rather
 * than serving the routes through a functional RouterFunction, keeps everything that reads that mapping
 * working unchanged: the role check before binding, the partnership boundary, the start-up checks of
 * {@link RoleDeclarations}, the role matrix test, springdoc and the pages' forms.
 */
@Component
@ConditionalOnCommandSide
// Only a servlet web application serves requests; the import command runs without one.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommandRoutes {

    /** Every command endpoint of the API. */
    static final List<CommandRoute<?>> ALL = Stream.of(PlanRequests.ROUTES, ActionRequests.ROUTES,
            ActionRequests.REFERRAL_ROUTES).flatMap(List::stream).toList();

    /** The OpenAPI tags of the routes (the path's first word), with what each holds. */
    static final Map<String, String> TAGS = Map.of(
            "Plans", "Drafting and shaping plans (PLAN_MANAGER)",
            "Actions", "Changing an action: structure (PLAN_MANAGER) and delivery (DELIVERY_LEAD on their own actions, PLAN_MANAGER)",
            "Referrals", "Referral cases (DELIVERY_LEAD on their own actions, PLAN_MANAGER)");

    private static final Method HANDLE;

    static {
        try {
            HANDLE = Endpoint.class.getMethod("handle", RouteBody.class, Change.class, HttpServletRequest.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    public CommandRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping,
                         CallerCommands commands) {
        for (CommandRoute<?> route : ALL) {
            Endpoint endpoint = new Endpoint(route, commands);
            if (endpoints.put(route.endpoint(), endpoint) != null) {
                throw new IllegalStateException("two routes for " + route.endpoint());
            }
            mapping.registerMapping(RequestMappingInfo.paths(route.pattern).methods(route.method)
                    .options(mapping.getBuilderConfiguration()).build(), endpoint, HANDLE);
        }
    }

    /** The endpoint "METHOD pattern"; 404 when there is no such command endpoint. */
    public Endpoint endpoint(String endpoint) {
        Endpoint found = endpoints.get(endpoint);
        if (found == null) {
            throw new ResourceNotFoundException("form", endpoint);
        }
        return found;
    }

    /** What the body resolver read for a route: the request record, or null for none. */
    public record RouteBody(Object value) {
    }

    /** One route as a Spring MVC handler: its method {@link #handle} is what the handler mapping calls. */
    public static final class Endpoint implements DeclaredEndpoint {

        private final CommandRoute<?> route;
        private final CallerCommands commands;

        Endpoint(CommandRoute<?> route, CallerCommands commands) {
            this.route = route;
            this.commands = commands;
        }

        public CommandRoute<?> route() {
            return route;
        }

        @Override
        public Set<String> roles() {
            return route.roles;
        }

        @Override
        public Optional<PartnershipScope.Scope> scope() {
            return route.declaredScope();
        }

        /** The request record the endpoint reads, or null when it reads no body. */
        public Class<?> bodyType() {
            return route.readsBody() ? route.body : null;
        }

        /** The path variables, in the order the path names them. */
        public List<String> pathVariables() {
            return route.variables;
        }

        /** Called by Spring MVC, after the role check, the partnership boundary and the body's validation. */
        public ResponseEntity<?> handle(RouteBody body, Change change, HttpServletRequest request) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            return send(variables == null ? Map.of() : variables, body.value(), change);
        }

        /**
         * Sends the route's command for a body already read and validated, as the signed-in caller,
         * refusing a caller without one of its roles as method security would: the API's handler and
         * the pages' forms both come here.
         */
        public ResponseEntity<?> send(Map<String, String> variables, Object body, Change change) {
            RoleDeclarations.require(route.roles);
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            Object request = body != null || !route.readsBody() ? body : empty(route.body);
            return answer(route, request, new CommandCall(route, variables, change, request, caller, commands));
        }

        @SuppressWarnings("unchecked")
        private static <B> ResponseEntity<?> answer(CommandRoute<B> route, Object body, CommandCall call) {
            return route.answering.answer((B) body, call);
        }

        /** An optional body left out: the record with every field null. */
        private static Object empty(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types).newInstance(new Object[components.length]);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " cannot be made empty", e);
            }
        }

        @Override
        public String toString() {
            return route.endpoint();
        }
    }
}
