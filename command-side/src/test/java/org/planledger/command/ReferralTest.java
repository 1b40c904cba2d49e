package org.planledger.command;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.api.*;
import org.planledger.events.AuditMetadata;

import java.util.Set;

import static org.planledger.command.Kettering.*;
import static org.planledger.command.Rejections.rejected;

class ReferralTest {

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        // the case's action is led by LEAD ("jkinloch")
        fixture.registerInjectableResource((ActionLeads) actionId -> ACTION.equals(actionId) ? Set.of(LEAD.userId()) : Set.of());
    }

    private static MetaData sentBy(String actor, String roles) {
        return MetaData.with(AuditMetadata.ACTOR, actor).and(AuditMetadata.ACTOR_ROLES, roles);
    }

    @Test
    void theLeadOfTheCasesActionMayDecideIt() {
        fixture.given(referralRecorded())
                .when(new AcceptReferral(REFERRAL, ON, null), sentBy(LEAD.userId(), "DELIVERY_LEAD"))
                .expectEvents(referralAccepted());
    }

    @Test
    void anotherDeliveryLeadIsToldTheCaseDoesNotExist() {
        fixture.given(referralRecorded())
                .when(new DeclineReferral(REFERRAL, "out of area", ON, null), sentBy("lead2", "DELIVERY_LEAD"))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void aPlanManagerDecidesAnyCase() {
        fixture.given(referralRecorded())
                .when(new AcceptReferral(REFERRAL, ON, null), sentBy("manager", "DELIVERY_LEAD,PLAN_MANAGER"))
                .expectEvents(referralAccepted());
    }

    private static CloseReferral closeReferral(long costPence) {
        return new CloseReferral(REFERRAL, "locks and window alarms fitted", costPence, ON, null);
    }

    @Test
    void acceptingAReceivedReferralRecordsIt() {
        fixture.given(referralRecorded())
                .when(new AcceptReferral(REFERRAL, ON, null))
                .expectEvents(referralAccepted());
    }

    @Test
    void acceptingAnAcceptedReferralIsRejected() {
        fixture.given(referralRecorded(), referralAccepted())
                .when(new AcceptReferral(REFERRAL, ON, null))
                .expectException(rejected(RejectionCode.REFERRAL_NOT_PENDING));
    }

    @Test
    void decliningAReceivedReferralRecordsWhy() {
        fixture.given(referralRecorded())
                .when(new DeclineReferral(REFERRAL, "outside the scheme's area", ON, null))
                .expectEvents(referralDeclined());
    }

    @Test
    void decliningNeedsAReason() {
        fixture.given(referralRecorded())
                .when(new DeclineReferral(REFERRAL, "", ON, null))
                .expectException(rejected(RejectionCode.REASON_REQUIRED, "reason"));
    }

    @Test
    void decliningAnAcceptedReferralIsRejected() {
        fixture.given(referralRecorded(), referralAccepted())
                .when(new DeclineReferral(REFERRAL, "changed our minds", ON, null))
                .expectException(rejected(RejectionCode.REFERRAL_NOT_PENDING));
    }

    @Test
    void closingAnAcceptedReferralRecordsOutcomeAndCost() {
        fixture.given(referralRecorded(), referralAccepted())
                .when(closeReferral(125_71))
                .expectEvents(referralClosed());
    }

    @Test
    void aReferralNotYetAcceptedCannotBeClosed() {
        fixture.given(referralRecorded())
                .when(closeReferral(125_71))
                .expectException(rejected(RejectionCode.REFERRAL_NOT_PENDING));
    }

    @Test
    void aDeclinedReferralCannotBeClosed() {
        fixture.given(referralRecorded(), referralDeclined())
                .when(closeReferral(0))
                .expectException(rejected(RejectionCode.REFERRAL_NOT_PENDING));
    }

    @Test
    void closingAClosedReferralIsRejected() {
        fixture.given(referralRecorded(), referralAccepted(), referralClosed())
                .when(closeReferral(125_71))
                .expectException(rejected(RejectionCode.REFERRAL_ALREADY_CLOSED));
    }

    @Test
    void acceptingAClosedReferralIsRejected() {
        fixture.given(referralRecorded(), referralAccepted(), referralClosed())
                .when(new AcceptReferral(REFERRAL, ON, null))
                .expectException(rejected(RejectionCode.REFERRAL_ALREADY_CLOSED));
    }

    @Test
    void aNegativeCostIsRejected() {
        fixture.given(referralRecorded(), referralAccepted())
                .when(closeReferral(-1))
                .expectException(rejected(RejectionCode.NEGATIVE_MONEY, "costPence"));
    }

    @Test
    void aCommandMadeAgainstAnOlderVersionIsAConflict() {
        fixture.given(referralRecorded(), referralAccepted())
                .when(new CloseReferral(REFERRAL, "locks fitted", 125_71, ON, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
