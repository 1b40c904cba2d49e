package org.planledger.infra.security;

import org.planledger.events.PartnershipIds;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The five roles of DESIGN.md §1 and the county analyst above partnerships, and reading them off an
 * authenticated caller. Roles are held per partnership ({@link Grants}); within a request about one
 * plan (its own path, or an action or referral of it) {@link #of} answers the roles the caller holds
 * in that plan's partnership, as {@link PartnershipBoundary} found them, so the lead rule and the
 * redaction of subject references see only those.
 */
public final class Roles {

    public static final String PLAN_MANAGER = "PLAN_MANAGER";
    public static final String DELIVERY_LEAD = "DELIVERY_LEAD";
    public static final String BOARD = "BOARD";
    public static final String AUDITOR = "AUDITOR";
    public static final String SCRUTINY = "SCRUTINY";
    /** Aggregate figures across partnerships, never a case's subject or notes (docs/partnerships.md). */
    public static final String COUNTY_ANALYST = "COUNTY_ANALYST";

    /** The roles held in a partnership. */
    public static final Set<String> PARTNERSHIP_ROLES = Set.of(PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY);
    public static final Set<String> ALL = Set.of(PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY, COUNTY_ANALYST);

    /** Roles allowed to see referral subject references; BOARD and SCRUTINY are not among them. */
    static final Set<String> SEE_SUBJECT_REFERENCES = Set.of(PLAN_MANAGER, DELIVERY_LEAD, AUDITOR);

    /** Request attribute: the roles the caller holds in the partnership of the plan the request is about. */
    static final String IN_PARTNERSHIP = Roles.class.getName() + ".inPartnership";

    private static final String PREFIX = "ROLE_";

    private Roles() {
    }

    /**
     * The caller's roles without Spring's ROLE_ prefix, sorted: in a request about one plan, those held
     * in its partnership; otherwise those held anywhere.
     */
    public static Set<String> of(Authentication authentication) {
        Set<String> roles = new TreeSet<>();
        if (authentication == null) {
            return roles;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(IN_PARTNERSHIP, RequestAttributes.SCOPE_REQUEST) instanceof InPartnership held
                && held.caller().equals(authentication)) {
            roles.addAll(held.roles());
            return roles;
        }
        return anywhere(authentication);
    }

    /** The roles the caller holds in at least one partnership. */
    public static Set<String> anywhere(Authentication authentication) {
        Set<String> roles = new TreeSet<>();
        if (authentication == null) {
            return roles;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(PREFIX)) {
                roles.add(name.substring(PREFIX.length()));
            }
        }
        return roles;
    }

    /**
     * Role to the partnerships where the caller holds it ({@code *}: every one). A role without any
     * partnership grant (an authentication made without {@link Grants}) is held everywhere.
     */
    public static Map<String, Set<String>> partnerships(Authentication authentication) {
        Map<String, Set<String>> held = new HashMap<>();
        if (authentication == null) {
            return held;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(Grants.PREFIX)) {
                String grant = name.substring(Grants.PREFIX.length());
                int at = grant.indexOf('@');
                held.computeIfAbsent(grant.substring(0, at), r -> new HashSet<>()).add(grant.substring(at + 1));
            }
        }
        for (String role : anywhere(authentication)) {
            held.computeIfAbsent(role, r -> new HashSet<>(Set.of(PartnershipIds.EVERY)));
        }
        return held;
    }

    /** The roles the caller holds in this partnership (granted there, or in every partnership). */
    public static Set<String> heldIn(Authentication authentication, String partnershipId) {
        Set<String> roles = new TreeSet<>();
        partnerships(authentication).forEach((role, where) -> {
            if (where.contains(PartnershipIds.EVERY) || where.contains(partnershipId)) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** Whether the caller holds one of these roles in every partnership (a grant without @ or with @*). */
    public static boolean holdsEverywhere(Authentication authentication, Set<String> roles) {
        return partnerships(authentication).entrySet().stream()
                .anyMatch(held -> roles.contains(held.getKey()) && held.getValue().contains(PartnershipIds.EVERY));
    }

    /** The partnerships where the caller holds one of these roles; contains {@code *} for every one. */
    public static Set<String> partnershipsWith(Authentication authentication, Set<String> roles) {
        Set<String> where = new TreeSet<>();
        partnerships(authentication).forEach((role, partnerships) -> {
            if (roles.contains(role)) {
                where.addAll(partnerships);
            }
        });
        return where;
    }

    public static boolean maySeeSubjectReferences(Authentication authentication) {
        return of(authentication).stream().anyMatch(SEE_SUBJECT_REFERENCES::contains);
    }

    /** What {@link PartnershipBoundary} found for this request's caller. */
    record InPartnership(Authentication caller, Set<String> roles) {
    }
}
