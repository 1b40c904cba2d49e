package org.planledger.infra.security;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.ActionAdded;
import org.planledger.events.ActionLeadsChanged;
import org.planledger.events.Lead;
import org.planledger.events.ReferralRecorded;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import java.util.List;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A delivery lead may accept, decline and close only the referral cases of actions they lead.
 * The Action aggregate guards everything sent to it, but a case lives in its own stream and
 * does not know its action's leads; rather than copy the leads into every case (and keep them
 * in step), this reads them from the event store, the source of truth, when a lead acts on a
 * case. Reading the two streams costs a few milliseconds and happens only for delivery leads.
 */
@Component
public class ReferralLeadership {

    private final ObjectProvider<EventStore> eventStore;

    public ReferralLeadership(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @throws AccessDeniedException when the caller is a delivery lead (and not a plan manager)
     *                               who does not lead the case's action. An unknown case passes,
     *                               so the command itself answers 404.
     */
    public void requireMayUpdate(Authentication caller, String referralId) {
        if (!Roles.isLimitedDeliveryLead(caller)) {
            return;
        }
        Optional<String> actionId = first(referralId).map(payload ->
                payload instanceof ReferralRecorded recorded ? recorded.actionId() : null);
        if (actionId.isEmpty()) {
            return;
        }
        List<Lead> leads = List.of();
        DomainEventStream events = eventStore.getObject().readEvents(actionId.get());
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof ActionAdded added) {
                leads = added.leads();
            } else if (payload instanceof ActionLeadsChanged changed) {
                leads = changed.leads();
            }
        }
        String userId = caller.getName();
        if (leads.stream().noneMatch(lead -> userId.equals(lead.userId()))) {
            throw new AccessDeniedException("'" + userId + "' does not lead the action '" + actionId.get()
                    + "' of referral '" + referralId + "'");
        }
    }

    private Optional<Object> first(String aggregateId) {
        DomainEventStream events = eventStore.getObject().readEvents(aggregateId);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return Optional.ofNullable(first.getPayload());
    }
}
