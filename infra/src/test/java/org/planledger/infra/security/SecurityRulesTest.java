package org.planledger.infra.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of security that need no server: demo mode's loopback rule, the users file, JWT roles. */
class SecurityRulesTest {

    @Test
    void demoUsersOnlyOnLoopback() {
        ConfiguredUsers.requireLoopback("127.0.0.1");
        ConfiguredUsers.requireLoopback("::1");
        ConfiguredUsers.requireLoopback("localhost");
        assertThatThrownBy(() -> ConfiguredUsers.requireLoopback("0.0.0.0"))
                .hasMessageContaining("loopback").hasMessageContaining("server.address=127.0.0.1")
                .hasMessageContaining("demo-users");
        assertThatThrownBy(() -> ConfiguredUsers.requireLoopback(null))
                .hasMessageContaining("every network interface");
        assertThatThrownBy(() -> ConfiguredUsers.requireLoopback("192.0.2.10")).hasMessageContaining("not a loopback");
    }

    @Test
    void demoUsersRefusedWhenTheManagementPortListensBeyondLoopback() {
        var environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("server.address", "127.0.0.1").withProperty("server.port", "8080")
                .withProperty("management.server.port", "9090");
        assertThatThrownBy(() -> ConfiguredUsers.requireLoopbackEverywhere(environment))
                .hasMessageContaining("management.server.address is not set");
        environment.setProperty("management.server.address", "0.0.0.0");
        assertThatThrownBy(() -> ConfiguredUsers.requireLoopbackEverywhere(environment))
                .hasMessageContaining("management.server.address is 0.0.0.0");
        environment.setProperty("management.server.address", "127.0.0.1");
        ConfiguredUsers.requireLoopbackEverywhere(environment);
        // Actuator on the application's own port has no address of its own to check.
        ConfiguredUsers.requireLoopbackEverywhere(new org.springframework.mock.env.MockEnvironment()
                .withProperty("server.address", "127.0.0.1").withProperty("management.server.port", "8080"));
    }

    @Test
    void aSuccessfulLoginLeavesTheStoredHashAtItsCost() {
        String cheap = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("demo");
        for (boolean ours : new boolean[]{true, false}) {
            var users = new org.springframework.security.provisioning.InMemoryUserDetailsManager(
                    org.springframework.security.core.userdetails.User.withUsername("board").password(cheap).roles("BOARD").build());
            var encoder = ours ? new SecurityConfiguration().passwordEncoder()
                    : org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
            // as Spring Security wires it: the in-memory store accepts password upgrades
            var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(encoder);
            provider.setUserDetailsService(users);
            provider.setUserDetailsPasswordService(users);
            provider.authenticate(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("board", "demo"));
            String stored = users.loadUserByUsername("board").getPassword();
            if (ours) {
                assertThat(stored).as("our encoder keeps the cost-4 hash").isEqualTo(cheap);
            } else {
                assertThat(stored).as("Spring's default re-hashes at cost 10").startsWith("{bcrypt}$2a$10$");
            }
        }
    }

    @Test
    void usersFileWithBcryptHashes(@TempDir Path dir) throws IOException {
        String hash = new BCryptPasswordEncoder(4).encode("s3cret");
        Path file = dir.resolve("users");
        Files.writeString(file, """
                # Kettering CSP
                jsmith:%s:DELIVERY_LEAD

                akhan:%s:PLAN_MANAGER, AUDITOR
                """.formatted(hash, hash));
        List<UsersFile.FileUser> users = UsersFile.read(file);
        assertThat(users).extracting(UsersFile.FileUser::username).containsExactly("jsmith", "akhan");
        assertThat(users.get(1).roles()).containsExactly("PLAN_MANAGER", "AUDITOR");
        assertThat(new BCryptPasswordEncoder().matches("s3cret", users.get(0).bcryptHash())).isTrue();
    }

    @Test
    void usersFileRefusesPlainPasswordsAndUnknownRoles(@TempDir Path dir) {
        assertThatThrownBy(() -> UsersFile.parse("jsmith:password:DELIVERY_LEAD", dir, 3))
                .hasMessageContaining("line 3").hasMessageContaining("not a bcrypt hash");
        String hash = new BCryptPasswordEncoder(4).encode("x");
        assertThatThrownBy(() -> UsersFile.parse("jsmith:" + hash + ":ADMIN", dir, 1)).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> UsersFile.parse("jsmith:" + hash, dir, 1)).hasMessageContaining("username:bcrypt-hash:ROLES");
    }

    @Test
    void jwtRolesFromAConfigurableClaim() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("f81d4fae")
                .claim("preferred_username", "lead1")
                .claim("realm_access", Map.of("roles", List.of("DELIVERY_LEAD", "offline_access", "ROLE_BOARD")))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        var authentication = new JwtRoles("realm_access.roles", "preferred_username").convert(jwt);
        assertThat(authentication.getName()).isEqualTo("lead1");
        assertThat(Roles.of(authentication)).containsExactly("BOARD", "DELIVERY_LEAD");

        Jwt spaced = Jwt.withTokenValue("t").header("alg", "RS256").subject("auditor-7").claim("roles", "AUDITOR SCRUTINY")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        var fromString = new JwtRoles("roles", "preferred_username").convert(spaced);
        assertThat(fromString.getName()).isEqualTo("auditor-7");
        assertThat(Roles.of(fromString)).containsExactly("AUDITOR", "SCRUTINY");
    }
}
