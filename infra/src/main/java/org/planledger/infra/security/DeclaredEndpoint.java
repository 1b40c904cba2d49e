package org.planledger.infra.security;

import java.util.Optional;
import java.util.Set;

/**
 * A handler that states who may call it as data rather than with {@code @RolesAllowed} on a method:
 * the command endpoints, registered from their route declarations (org.planledger.infra.web.CommandRoute).
 * {@link RoleDeclarations}, {@link RolesBeforeBinding} and {@link PartnershipBoundary} read it exactly as
 * they read the annotations, so the start-up checks, the 403 before binding, the partnership boundary
 * and the role matrix treat both kinds of endpoint alike.
 */
public interface DeclaredEndpoint {

    /** The roles that may call it, without Spring's ROLE_ prefix. */
    Set<String> roles();

    /** The partnership scope it declares, for a path that names no plan, action or referral. */
    Optional<PartnershipScope.Scope> scope();
}
