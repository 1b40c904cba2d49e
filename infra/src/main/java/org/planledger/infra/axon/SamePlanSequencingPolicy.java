package org.planledger.infra.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.planledger.events.PlanLedgerEvent;

/**
 * Keeps all events of one plan in one segment, in order. Projections that fold a plan's Plan,
 * Action and Referral streams into one document (the board) would otherwise race when two
 * segments update the same document. Events that name no plan fall back to per-aggregate order.
 * Referenced by name from {@code axon.eventhandling.processors.*.sequencing-policy}.
 */
public class SamePlanSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof PlanLedgerEvent planEvent && planEvent.planId() != null) {
            return planEvent.planId();
        }
        // As Axon's SequentialPerAggregatePolicy: null means no ordering is needed.
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getAggregateIdentifier() : null;
    }
}
