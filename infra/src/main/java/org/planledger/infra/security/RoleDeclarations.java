package org.planledger.infra.security;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code /api} endpoint says which roles may call it: on its handler method, or, for the
 * command endpoints, in its route declaration ({@link DeclaredEndpoint}). Method security
 * lets an undeclared method through to any signed-in caller, so a new endpoint that forgot its
 * {@code @RolesAllowed} would be open to every role: this refuses to start instead. The role
 * matrix test reads the same declarations, through {@link #of(HandlerMethod)}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RoleDeclarations implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping handlerMapping;

    public RoleDeclarations(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    /** The roles the handler method declares (without Spring's ROLE_ prefix), if it declares any. */
    public static Optional<Set<String>> of(HandlerMethod handler) {
        if (handler.getBean() instanceof DeclaredEndpoint endpoint) {
            return Optional.of(endpoint.roles());
        }
        RolesAllowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RolesAllowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RolesAllowed.class);
        }
        return Optional.ofNullable(allowed).map(roles -> Set.of(roles.value()));
    }

    /**
     * Refuses the signed-in caller unless they hold one of the roles: what method security does for
     * {@code @RolesAllowed}, for an endpoint that declares its roles as data ({@link DeclaredEndpoint}).
     */
    public static void require(Set<String> roles) {
        AuthorizationResult result = AuthorityAuthorizationManager.<Object>hasAnyRole(roles.toArray(String[]::new))
                .authorize(() -> SecurityContextHolder.getContext().getAuthentication(), roles);
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
    }

    /** Whether the mapping serves the API (any of its paths under /api/). */
    public static boolean isApi(RequestMappingInfo mapping) {
        return mapping.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/"));
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> undeclared = handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(entry -> isApi(entry.getKey()))
                .filter(entry -> of(entry.getValue()).map(Set::isEmpty).orElse(true))
                .map(entry -> entry.getKey() + " -> " + entry.getValue().getShortLogMessage())
                .sorted().toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("API endpoints without @RolesAllowed (say which roles may call them): "
                    + String.join("; ", undeclared));
        }
        List<String> unscoped = handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(entry -> isApi(entry.getKey()) || of(entry.getValue()).isPresent())
                .filter(entry -> !PartnershipBoundary.placedByPath(entry.getKey())
                        && PartnershipBoundary.scopeOf(entry.getValue()).isEmpty())
                .map(entry -> entry.getKey() + " -> " + entry.getValue().getShortLogMessage())
                .sorted().toList();
        if (!unscoped.isEmpty()) {
            throw new IllegalStateException("Endpoints whose path names no plan, action or referral and that declare no "
                    + "@PartnershipScope (say how they stay inside the caller's partnerships): " + String.join("; ", unscoped));
        }
        handlerMapping.getHandlerMethods().values().forEach(handler -> of(handler).ifPresent(roles -> {
            if (!Roles.ALL.containsAll(roles)) {
                throw new IllegalStateException(handler.getShortLogMessage() + " allows unknown roles " + roles);
            }
        }));
    }
}
