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
}
