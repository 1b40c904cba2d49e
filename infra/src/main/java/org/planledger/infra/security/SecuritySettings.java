package org.planledger.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code planledger.security.*}.
 *
 * @param authentication {@code basic} (HTTP Basic and form login, users from configuration) or
 *                       {@code jwt} (OAuth2 resource server). Blank: basic on the embedded
 *                       profile, jwt on every other profile.
 * @param demoUsers      create the demo users (password {@code demo}); refused unless the server
 *                       listens on loopback only
 * @param usersFile      a file of real users with bcrypt hashes, one per line (see README)
 * @param jwt            how roles and the user id are read from a token
 */
@ConfigurationProperties("planledger.security")
public record SecuritySettings(
        @DefaultValue("") String authentication,
        @DefaultValue("true") boolean demoUsers,
        Path usersFile,
        @DefaultValue Jwt jwt) {

    /**
     * @param rolesClaim    the claim holding the roles, a list or a space/comma-separated string;
     *                      a dotted path reaches into nested objects ({@code realm_access.roles})
     * @param userIdClaim   the claim naming the user (matched against an action lead's userId)
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim,
                      @DefaultValue("preferred_username") String userIdClaim) {
    }
}
