package org.planledger.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @RolesAllowed} (or a command route's declared roles) before Spring MVC reads the request, with the same
 * authorization manager method security uses. Method security alone checks only once the
 * arguments are bound, so a caller without the role would first be told what is wrong with their
 * body (400) rather than that they may not ask at all (403), which is what they were always told.
 * Method security still guards the method itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RolesBeforeBinding implements WebMvcConfigurer {

    private final PartnershipBoundary partnershipBoundary;

    public RolesBeforeBinding(PartnershipBoundary partnershipBoundary) {
        this.partnershipBoundary = partnershipBoundary;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DeclaredRolesCheck());
        // then the plan's partnership: a role held elsewhere is answered as an unknown plan (404)
        registry.addInterceptor(partnershipBoundary);
    }

    static final class DeclaredRolesCheck implements HandlerInterceptor {

        private final Jsr250AuthorizationManager declaredRoles = new Jsr250AuthorizationManager();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method && method.getBean() instanceof DeclaredEndpoint endpoint) {
                RoleDeclarations.require(endpoint.roles());
            } else if (handler instanceof HandlerMethod method) {
                AuthorizationResult result = declaredRoles.authorize(
                        () -> SecurityContextHolder.getContext().getAuthentication(),
                        new SimpleMethodInvocation(method.getBean(), method.getMethod()));
                if (result != null && !result.isGranted()) {
                    throw new AuthorizationDeniedException("Access Denied", result);
                }
            }
            return true;
        }
    }
}
