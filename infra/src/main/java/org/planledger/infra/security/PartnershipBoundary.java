package org.planledger.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.events.PartnershipIds;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps every request inside the partnerships where the caller holds a role (docs/partnerships.md).
 * A request whose path names a plan, an action or a referral case is placed in that plan's
 * partnership; a caller who holds none of the endpoint's roles there is answered exactly as for an
 * unknown id (404, the same problem+json or page), so another partnership's plan is never confirmed
 * to exist. A plan shared with a partnership where the caller holds a role may be read (GET) as a
 * board member reads it: never changed, never with referral subjects. Endpoints without such a path
 * declare their scope with {@link PartnershipScope}; the handlers of filtered ones ask
 * {@link #visiblePlans} which plans to show.
 * <p>
 * Runs after {@link RolesBeforeBinding}, so a caller without the role anywhere is still told 403,
 * which says nothing about any one plan.
 */
@Component
public class PartnershipBoundary implements HandlerInterceptor {

    /** Path variables that place a request in a plan, in the order they are looked at. */
    static final List<String> PLACING_VARIABLES = List.of("planId", "actionId", "referralId");

    /** Roles a shared plan is read with: a board member's. */
    static final Set<String> SHARED_READER = Set.of(Roles.BOARD);

    private final PartnershipIndex index;

    public PartnershipBoundary(PartnershipIndex index) {
        this.index = index;
    }

    /** The scope an endpoint declares, if it declares one. */
    public static Optional<PartnershipScope.Scope> scopeOf(HandlerMethod handler) {
        if (handler.getBean() instanceof DeclaredEndpoint endpoint) {
            return endpoint.scope();
        }
        PartnershipScope scope = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PartnershipScope.class);
        if (scope == null) {
            scope = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PartnershipScope.class);
        }
        return Optional.ofNullable(scope).map(PartnershipScope::value);
    }

    /** Whether the mapping's paths name a plan, an action or a referral case (placed by the boundary). */
    public static boolean placedByPath(RequestMappingInfo mapping) {
        return mapping.getPatternValues().stream()
                .allMatch(pattern -> PLACING_VARIABLES.stream().anyMatch(name -> pattern.contains("{" + name + "}")));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return true;
        }
        Set<String> allowed = RoleDeclarations.of(method).orElse(Roles.PARTNERSHIP_ROLES);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Optional<Placed> placed = place(variables == null ? Map.of() : variables);
        if (placed.isEmpty()) {
            if (scopeOf(method).orElse(null) == PartnershipScope.Scope.WHOLE_LEDGER && !Roles.holdsEverywhere(caller, allowed)) {
                throw new AccessDeniedException("about the whole ledger: for those who hold the role in every partnership");
            }
            return true;
        }
        Placed target = placed.get();
        Optional<String> partnership = index.partnershipOf(target.planId());
        if (partnership.isEmpty()) {
            // an unknown plan, action or case: the handler answers 404 as it always has
            return true;
        }
        Set<String> held = Roles.heldIn(caller, partnership.get());
        if (held.stream().anyMatch(allowed::contains)) {
            request.setAttribute(Roles.IN_PARTNERSHIP, new Roles.InPartnership(caller, held));
            return true;
        }
        if (isRead(request) && allowed.stream().anyMatch(SHARED_READER::contains) && sharedWithCaller(target.planId(), caller)) {
            request.setAttribute(Roles.IN_PARTNERSHIP, new Roles.InPartnership(caller, SHARED_READER));
            return true;
        }
        throw new ResourceNotFoundException(target.kind(), target.id());
    }

    private static boolean isRead(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private boolean sharedWithCaller(String planId, Authentication caller) {
        Set<String> shares = index.sharesOf(planId);
        return !shares.isEmpty() && Roles.partnershipsWith(caller, Roles.PARTNERSHIP_ROLES).stream().anyMatch(shares::contains);
    }

    private record Placed(String kind, String id, String planId) {
    }

    private Optional<Placed> place(Map<String, String> variables) {
        String planId = variables.get("planId");
        if (planId != null) {
            return Optional.of(new Placed("plan", planId, planId));
        }
        String actionId = variables.get("actionId");
        if (actionId != null) {
            return Optional.of(index.planOfAction(actionId).map(plan -> new Placed("action", actionId, plan))
                    .orElse(new Placed("action", actionId, null)));
        }
        String referralId = variables.get("referralId");
        if (referralId != null) {
            return Optional.of(index.planOfReferral(referralId).map(plan -> new Placed("referral", referralId, plan))
                    .orElse(new Placed("referral", referralId, null)));
        }
        return Optional.empty();
    }

    // ---- for the handlers of filtered endpoints -------------------------------------------------------

    /**
     * The plans the caller may see with one of these roles: those of the partnerships where they hold
     * one, and, when {@code withShares}, those shared with a partnership where they hold any role.
     * Null when they hold one of the roles in every partnership (no limit).
     */
    public Set<String> visiblePlans(Authentication caller, Set<String> roles, boolean withShares) {
        Set<String> partnerships = Roles.partnershipsWith(caller, roles);
        if (partnerships.contains(PartnershipIds.EVERY)) {
            return null;
        }
        Set<String> plans = new TreeSet<>();
        index.plans().forEach((plan, partnership) -> {
            if (partnerships.contains(partnership)) {
                plans.add(plan);
            }
        });
        if (withShares) {
            Set<String> anyRole = Roles.partnershipsWith(caller, Roles.PARTNERSHIP_ROLES);
            for (String plan : index.plans().keySet()) {
                if (index.sharesOf(plan).stream().anyMatch(anyRole::contains)) {
                    plans.add(plan);
                }
            }
        }
        return plans;
    }

    /** Whether the plan is among {@link #visiblePlans} (null meaning every plan). */
    public static boolean visible(Set<String> visiblePlans, String planId) {
        return visiblePlans == null || visiblePlans.contains(planId);
    }

    /** For a request that names a partnership (drafting a plan): 403 unless the caller holds one of the roles there. */
    public static void requireRoleIn(Authentication caller, String partnershipId, Set<String> roles) {
        if (Roles.heldIn(caller, partnershipId).stream().noneMatch(roles::contains)) {
            throw new AccessDeniedException("no role in the partnership '" + partnershipId + "' allows this");
        }
    }

    /** The partnership of the plan, if it exists. */
    public Optional<String> partnershipOf(String planId) {
        return index.partnershipOf(planId);
    }
}
