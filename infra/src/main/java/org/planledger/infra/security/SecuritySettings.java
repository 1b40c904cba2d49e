package org.planledger.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

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
 * @param publicActuatorEndpoints the Actuator endpoints (ids: {@code health}, {@code info},
 *                       {@code prometheus}, {@code metrics}) anyone may read without credentials;
 *                       every other endpoint needs a signed-in user. Default {@code health,info};
 *                       the embedded profile (loopback only) adds {@code prometheus}.
 */
@ConfigurationProperties("planledger.security")
public record SecuritySettings(
        @DefaultValue("") String authentication,
        @DefaultValue("true") boolean demoUsers,
        Path usersFile,
        @DefaultValue Jwt jwt,
        @DefaultValue({"health", "info"}) List<String> publicActuatorEndpoints) {

    static final List<String> KNOWN_ACTUATOR_ENDPOINTS = List.of("health", "info", "prometheus", "metrics");

    /** A users file is named (form login on every profile; Basic too where the API takes it). */
    boolean hasUsersFile() {
        return usersFile != null && !usersFile.toString().isBlank();
    }

    /** The paths of {@link #publicActuatorEndpoints}, each with its sub-paths (health groups, single meters). */
    String[] publicActuatorPaths() {
        return publicActuatorEndpoints.stream()
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .peek(id -> {
                    if (!KNOWN_ACTUATOR_ENDPOINTS.contains(id)) {
                        throw new IllegalStateException("planledger.security.public-actuator-endpoints: unknown endpoint '"
                                + id + "' (known: " + String.join(", ", KNOWN_ACTUATOR_ENDPOINTS) + ")");
                    }
                })
                .flatMap(id -> java.util.stream.Stream.of("/actuator/" + id, "/actuator/" + id + "/**"))
                .toArray(String[]::new);
    }

    /**
     * @param rolesClaim    the claim holding the roles, a list or a space/comma-separated string;
     *                      a dotted path reaches into nested objects ({@code realm_access.roles})
     * @param userIdClaim   the claim naming the user (matched against an action lead's userId)
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim,
                      @DefaultValue("preferred_username") String userIdClaim) {
    }
}
