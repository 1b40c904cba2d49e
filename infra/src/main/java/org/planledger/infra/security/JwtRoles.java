package org.planledger.infra.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a token's role grants from a configurable claim (a list, or a space or comma separated
 * string, of grants such as {@code PLAN_MANAGER@kettering-borough} or bare roles; or a map from
 * partnership id to roles; a dotted path such as {@code realm_access.roles} reaches into nested
 * objects) and its user id from another claim. Only grants of the known roles become authorities;
 * anything else in the claim (an identity provider's own roles) is ignored. See {@link Grants}.
 */
public final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String userIdClaim;

    public JwtRoles(String rolesClaim, String userIdClaim) {
        this.rolesClaim = rolesClaim;
        this.userIdClaim = userIdClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String userId = jwt.getClaimAsString(userIdClaim);
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()),
                userId != null && !userId.isBlank() ? userId : jwt.getSubject());
    }

    /**
     * The grants of known roles named in these claims (a token's, or an OpenID Connect sign-in's), as
     * authorities: a list of grants ({@code ["PLAN_MANAGER@kettering-borough", "BOARD"]}) or a map from
     * partnership id to roles ({@code {"kettering-borough": ["PLAN_MANAGER"]}}); see {@link Grants}.
     */
    Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        return Grants.authorities(Grants.fromClaim(claim(claims, rolesClaim)));
    }

    /** The claim that names the user, when these claims carry it; otherwise the subject ({@code sub}). */
    String userIdClaimIn(Map<String, Object> claims) {
        Object userId = claims.get(userIdClaim);
        return userId != null && !userId.toString().isBlank() ? userIdClaim : "sub";
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
