package org.planledger.infra.security;

import org.junit.jupiter.api.Test;
import org.planledger.events.PartnershipIds;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Partnership ids derived from names, and grants as users files and tokens write them (docs/partnerships.md). */
class PartnershipIdsTest {

    @Test
    void anIdIsThePlaceInThePartnershipsName() {
        assertThat(PartnershipIds.fromName("Kettering Borough Community Safety Partnership")).isEqualTo("kettering-borough");
        assertThat(PartnershipIds.fromName("Example Borough Community Safety Partnership")).isEqualTo("example-borough");
        assertThat(PartnershipIds.fromName("Corby CSP")).isEqualTo("corby");
        assertThat(PartnershipIds.fromName("Safer Peterborough Partnership")).isEqualTo("safer-peterborough");
        assertThat(PartnershipIds.fromName("Community Safety Partnership")).isEqualTo("community-safety-partnership");
    }

    @Test
    void grantsAreARoleInOnePartnershipOrInEvery() {
        assertThat(Grants.parse("PLAN_MANAGER@kettering-borough")).isEqualTo(new Grants.Grant("PLAN_MANAGER", "kettering-borough"));
        assertThat(Grants.parse("BOARD@*").everywhere()).isTrue();
        assertThat(Grants.parse("BOARD").everywhere()).isTrue();
        assertThat(Grants.parse("COUNTY_ANALYST").everywhere()).isTrue();
        assertThatThrownBy(() -> Grants.parse("BOARD@Kettering Borough")).hasMessageContaining("not a partnership id");
        assertThatThrownBy(() -> Grants.parse("MAYOR@kettering-borough")).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> Grants.parse("COUNTY_ANALYST@corby")).hasMessageContaining("without @");
    }

    @Test
    void aTokensClaimIsAListOfGrantsOrAMapOfPartnershipsToRoles() {
        assertThat(Grants.fromClaim(java.util.List.of("PLAN_MANAGER@kettering-borough", "SCRUTINY", "offline_access")))
                .containsExactlyInAnyOrder(new Grants.Grant("PLAN_MANAGER", "kettering-borough"), new Grants.Grant("SCRUTINY", "*"));
        assertThat(Grants.fromClaim(Map.of("corby", java.util.List.of("BOARD", "AUDITOR"), "*", java.util.List.of("SCRUTINY"))))
                .containsExactlyInAnyOrder(new Grants.Grant("BOARD", "corby"), new Grants.Grant("AUDITOR", "corby"),
                        new Grants.Grant("SCRUTINY", "*"));
        assertThat(Grants.fromClaim("BOARD@corby DELIVERY_LEAD")).containsExactlyInAnyOrder(
                new Grants.Grant("BOARD", "corby"), new Grants.Grant("DELIVERY_LEAD", "*"));
    }

    @Test
    void aUsersFileLineGrantsPerPartnershipAndAMalformedGrantNamesItsLine() {
        java.nio.file.Path file = java.nio.file.Path.of("users");
        String hash = "$2a$04$" + "a".repeat(53);
        UsersFile.FileUser user = UsersFile.parse("akhan:" + hash + ":PLAN_MANAGER@kettering-borough,BOARD@corby,SCRUTINY", file, 3);
        assertThat(user.grants()).containsExactly(new Grants.Grant("PLAN_MANAGER", "kettering-borough"),
                new Grants.Grant("BOARD", "corby"), new Grants.Grant("SCRUTINY", "*"));
        assertThat(user.roles()).containsExactly("PLAN_MANAGER", "BOARD", "SCRUTINY");
        assertThatThrownBy(() -> UsersFile.parse("akhan:" + hash + ":BOARD@Corby", file, 7))
                .hasMessageContaining("line 7").hasMessageContaining("not a partnership id");
    }

    @Test
    void aTokensGrantsBecomeTheRoleAndWhereItIsHeld() {
        JwtRoles roles = new JwtRoles("roles", "preferred_username");
        var authorities = roles.authorities(Map.of("roles", Map.of("corby", java.util.List.of("BOARD"))));
        var caller = new org.springframework.security.authentication.TestingAuthenticationToken("x", "y",
                java.util.List.copyOf(authorities));
        assertThat(Roles.anywhere(caller)).containsExactly("BOARD");
        assertThat(Roles.heldIn(caller, "corby")).containsExactly("BOARD");
        assertThat(Roles.heldIn(caller, "kettering-borough")).isEmpty();
        // an authentication made without grants (a bare role) holds it everywhere
        var bare = new org.springframework.security.authentication.TestingAuthenticationToken("x", "y", "ROLE_AUDITOR");
        assertThat(Roles.heldIn(bare, "kettering-borough")).containsExactly("AUDITOR");
    }
}
