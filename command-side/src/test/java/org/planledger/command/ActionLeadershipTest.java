package org.planledger.command;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.command.api.AssessRag;
import org.planledger.command.api.RejectionCode;
import org.planledger.command.api.RescheduleAction;
import org.planledger.events.ActionLeadsChanged;
import org.planledger.events.AuditMetadata;
import org.planledger.events.Lead;
import org.planledger.events.RagAssessed;
import org.planledger.events.RagStatus;

import java.util.List;

import static org.planledger.command.Kettering.*;
import static org.planledger.command.Rejections.rejected;

/** A delivery lead updates only the actions they lead; the lead's login is LEAD.userId() ("jkinloch"). */
class ActionLeadershipTest {

    private AggregateTestFixture<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerInjectableResource((PriorityLeads) (planId, objectiveId) -> java.util.Set.of());
    }

    private static MetaData sentBy(String actor, String roles) {
        return MetaData.with(AuditMetadata.ACTOR, actor).and(AuditMetadata.ACTOR_ROLES, roles);
    }

    @Test
    void theLeadOfTheActionMayRateIt() {
        fixture.given(actionAdded())
                .when(new AssessRag(ACTION, RagStatus.AMBER, "bid pending", ON, null), sentBy("jkinloch", "DELIVERY_LEAD"))
                .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.AMBER, "bid pending", ON));
    }

    @Test
    void anotherDeliveryLeadMayNotTouchTheAction() {
        fixture.given(actionAdded())
                .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, null), sentBy("lead2", "DELIVERY_LEAD"))
                .expectNoEvents()
                .expectException(rejected(RejectionCode.NOT_ACTION_LEAD));
    }

    @Test
    void leadsNamedLaterGainTheActionAndLeadsRemovedLoseIt() {
        fixture.given(actionAdded(), new ActionLeadsChanged(PLAN, ACTION,
                        List.of(OTHER_LEAD, new Lead("Lead Two", "KBC", "lead2")),
                        null, ON))
                .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, null), sentBy("jkinloch", "DELIVERY_LEAD"))
                .expectException(rejected(RejectionCode.NOT_ACTION_LEAD));
    }

    @Test
    void aPlanManagerIsNotLimitedToActionsTheyLead() {
        fixture.given(actionAdded())
                .when(new AssessRag(ACTION, RagStatus.GREEN, null, ON, null), sentBy("manager", "PLAN_MANAGER"))
                .expectEvents(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, null, ON));
    }

    @Test
    void structuralChangesAreLeftToTheHttpLayersRoleRules() {
        // Rescheduling is a plan manager's change; the aggregate does not repeat the role check.
        fixture.given(actionAdded())
                .when(new RescheduleAction(ACTION, ACTION_START, ACTION_END, null, ON, null), sentBy("manager", "PLAN_MANAGER"))
                .expectSuccessfulHandlerExecution();
    }
}
