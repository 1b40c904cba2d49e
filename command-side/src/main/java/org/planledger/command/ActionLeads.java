package org.planledger.command;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.ActionAdded;
import org.planledger.events.ActionLeadsChanged;

import java.util.Set;

/**
 * The user ids leading an action, for a command handled outside the Action (a referral case's).
 * Axon hands it to the {@link Referral}'s command handlers as a parameter; the application provides
 * {@link #readFrom(EventStore)}, tests a fixed answer.
 */
@FunctionalInterface
public interface ActionLeads {

    /** @return the user ids leading the action; none for an unknown action */
    Set<String> userIdsOf(String actionId);

    /**
     * Folds the action's own events, the source of truth, exactly as the Action does (its
     * ActionAdded and ActionLeadsChanged). Reading one short stream costs a few milliseconds, and
     * {@link ActionLeadership} asks only when the caller is a delivery lead.
     */
    static ActionLeads readFrom(EventStore eventStore) {
        return actionId -> {
            Set<String> leads = Set.of();
            DomainEventStream events = eventStore.readEvents(actionId);
            while (events.hasNext()) {
                Object payload = events.next().getPayload();
                if (payload instanceof ActionAdded added) {
                    leads = ActionLeadership.userIdsOf(added.leads());
                } else if (payload instanceof ActionLeadsChanged changed) {
                    leads = ActionLeadership.userIdsOf(changed.leads());
                }
            }
            return leads;
        };
    }
}
