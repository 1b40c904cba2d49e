package org.planledger.infra.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Set;

/**
 * A person signed in to the pages through the organisation's identity provider (OpenID Connect
 * authorization-code login) gets the same roles and the same user id as their API token would:
 * read with {@link JwtRoles} from the ID token and user-info claims, or, when the provider puts the
 * roles only in the access token (Keycloak's realm roles, say), from the access token as the API's
 * decoder reads it. Spring's own service would give every such person the authorities
 * {@code OIDC_USER} and {@code SCOPE_*}, which no page admits, and {@code sub} as their name,
 * which matches no action lead.
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final JwtRoles roles;
    /** The API's decoder, if the resource server is configured; null otherwise. */
    private final JwtDecoder accessTokens;

    /** Where the person's roles and e-mail claim are remembered for update reminders. */
    private final KnownUsers knownUsers;

    OidcUsers(JwtRoles roles, JwtDecoder accessTokens, KnownUsers knownUsers) {
        this.roles = roles;
        this.accessTokens = accessTokens;
        this.knownUsers = knownUsers;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        Set<GrantedAuthority> authorities = roles.authorities(signedIn.getClaims());
        if (authorities.isEmpty() && accessTokens != null) {
            try {
                authorities = roles.authorities(accessTokens.decode(request.getAccessToken().getTokenValue()).getClaims());
            } catch (JwtException opaqueOrForAnotherAudience) {
                // no roles from the access token: the person signs in without any and every page says "Not allowed"
            }
        }
        DefaultOidcUser user = new DefaultOidcUser(authorities, signedIn.getIdToken(), signedIn.getUserInfo(),
                roles.userIdClaimIn(signedIn.getClaims()));
        if (knownUsers != null) {
            // the grants back from their authorities (GRANT_ROLE@partnership), so the pages can offer them as a lead
            java.util.List<Grants.Grant> grants = authorities.stream().map(GrantedAuthority::getAuthority)
                    .filter(name -> name != null && name.startsWith(Grants.PREFIX))
                    .map(name -> Grants.parse(name.substring(Grants.PREFIX.length()))).toList();
            knownUsers.signedIn(user.getName(), grants, signedIn.getClaims().get("email"));
        }
        return user;
    }
}
