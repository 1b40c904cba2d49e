package org.planledger.infra.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.TreeSet;

/** The five roles of DESIGN.md §1, and reading them off an authenticated caller. */
public final class Roles {

    public static final String PLAN_MANAGER = "PLAN_MANAGER";
    public static final String DELIVERY_LEAD = "DELIVERY_LEAD";
    public static final String BOARD = "BOARD";
    public static final String AUDITOR = "AUDITOR";
    public static final String SCRUTINY = "SCRUTINY";

    public static final Set<String> ALL = Set.of(PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY);

    /** Roles allowed to see referral subject references; BOARD and SCRUTINY are not among them. */
    static final Set<String> SEE_SUBJECT_REFERENCES = Set.of(PLAN_MANAGER, DELIVERY_LEAD, AUDITOR);

    private static final String PREFIX = "ROLE_";

    private Roles() {
    }

    /** The caller's roles without Spring's ROLE_ prefix, sorted. */
    public static Set<String> of(Authentication authentication) {
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

    public static boolean maySeeSubjectReferences(Authentication authentication) {
        return of(authentication).stream().anyMatch(SEE_SUBJECT_REFERENCES::contains);
    }
}
