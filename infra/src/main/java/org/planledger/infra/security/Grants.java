package org.planledger.infra.security;

import org.planledger.events.PartnershipIds;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Role grants per partnership (docs/partnerships.md). A grant is written {@code ROLE@partnership}
 * ({@code PLAN_MANAGER@kettering-borough}), {@code ROLE@*} (every partnership) or a bare {@code ROLE},
 * which also means every partnership, so users files and tokens written before partnerships keep
 * their meaning. {@code COUNTY_ANALYST} stands above partnerships and is written bare.
 * <p>
 * A grant becomes two authorities: {@code ROLE_X}, which the endpoints' {@code @RolesAllowed} checks
 * (the caller holds the role somewhere), and {@code GRANT_X@partnership}, which the partnership
 * boundary checks against the plan a request is about.
 */
public final class Grants {

    static final String PREFIX = "GRANT_";

    /** One role in one partnership, or in every one ({@link PartnershipIds#EVERY}). */
    public record Grant(String role, String partnershipId) {
        public boolean everywhere() {
            return PartnershipIds.EVERY.equals(partnershipId);
        }

        @Override
        public String toString() {
            return everywhere() ? role : role + "@" + partnershipId;
        }
    }

    private Grants() {
    }

    /** A grant as written; an unknown role or a malformed partnership id is an IllegalArgumentException. */
    public static Grant parse(String written) {
        String text = written.strip();
        if (text.startsWith("ROLE_")) {
            text = text.substring(5);
        }
        int at = text.indexOf('@');
        String role = at < 0 ? text : text.substring(0, at);
        String partnership = at < 0 ? PartnershipIds.EVERY : text.substring(at + 1);
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "' (known: " + Roles.ALL + ")");
        }
        if (!partnership.equals(PartnershipIds.EVERY) && !PartnershipIds.isValid(partnership)) {
            throw new IllegalArgumentException("'" + partnership + "' is not a partnership id (lower-case words joined "
                    + "by hyphens, e.g. kettering-borough, or * for every partnership)");
        }
        if (role.equals(Roles.COUNTY_ANALYST) && !partnership.equals(PartnershipIds.EVERY)) {
            throw new IllegalArgumentException(Roles.COUNTY_ANALYST + " is held for every partnership: write it without @");
        }
        return new Grant(role, partnership);
    }

    /** The authorities of these grants. */
    public static Set<GrantedAuthority> authorities(Collection<Grant> grants) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (Grant grant : grants) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + grant.role()));
            authorities.add(new SimpleGrantedAuthority(PREFIX + grant.role() + "@" + grant.partnershipId()));
        }
        return authorities;
    }

    /**
     * Grants from a token's claim: a list (or space/comma separated string) of grants as written above,
     * or a map from partnership id to its roles ({@code {"kettering-borough": ["PLAN_MANAGER"], "*": ["AUDITOR"]}}).
     * Entries that are not grants of a known role (an identity provider's own roles) are ignored.
     */
    static Set<Grant> fromClaim(Object claim) {
        Set<Grant> grants = new LinkedHashSet<>();
        if (claim instanceof Map<?, ?> byPartnership) {
            byPartnership.forEach((partnership, roles) -> {
                for (String role : listOf(roles)) {
                    tryParse(role.contains("@") ? role : role + "@" + partnership).ifPresent(grants::add);
                }
            });
        } else {
            for (String written : listOf(claim)) {
                tryParse(written).ifPresent(grants::add);
            }
        }
        return grants;
    }

    private static java.util.Optional<Grant> tryParse(String written) {
        try {
            return java.util.Optional.of(parse(written.replace("@*", "@" + PartnershipIds.EVERY)));
        } catch (IllegalArgumentException notOurs) {
            return java.util.Optional.empty();
        }
    }

    private static List<String> listOf(Object value) {
        List<String> items = new java.util.ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item).strip()));
        } else if (value instanceof String text) {
            for (String part : text.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        return items;
    }
}
