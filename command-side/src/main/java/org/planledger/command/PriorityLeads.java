package org.planledger.command;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.ObjectiveAdded;
import org.planledger.events.PriorityAdded;
import org.planledger.events.PriorityRevised;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leads named on the priority an action's objective belongs to, for the Action's approval rule
 * ({@link ActionLeadership#mayDecide}): a priority's lead may approve or return updates on that
 * priority's actions. Priorities live in the Plan's stream, so the Action is handed this reader as a
 * command-handler parameter (as the Referral is handed {@link ActionLeads}); the application provides
 * {@link #readFrom(EventStore)}, tests a fixed answer. A priority names its leads as text (usually
 * organisations); a lead is a user of this service when the text is their user id.
 */
@FunctionalInterface
public interface PriorityLeads {

    /** @return the leads of the priority holding the objective, as named; none for an unknown plan or objective */
    Set<String> of(String planId, String objectiveId);

    /**
     * Folds the plan's own events, the source of truth: which priority each objective belongs to
     * (objectives never move) and each priority's leads as last added or revised. Read only when a
     * delivery lead asks to decide, so a plan manager's decision costs nothing more.
     */
    static PriorityLeads readFrom(EventStore eventStore) {
        return (planId, objectiveId) -> {
            Map<String, String> priorityOfObjective = new HashMap<>();
            Map<String, List<String>> leadsOfPriority = new HashMap<>();
            DomainEventStream events = eventStore.readEvents(planId);
            while (events.hasNext()) {
                Object payload = events.next().getPayload();
                if (payload instanceof PriorityAdded added) {
                    leadsOfPriority.put(added.priorityId(), added.leads());
                } else if (payload instanceof PriorityRevised revised && revised.leads() != null) {
                    leadsOfPriority.put(revised.priorityId(), revised.leads());
                } else if (payload instanceof ObjectiveAdded objective) {
                    priorityOfObjective.put(objective.objectiveId(), objective.priorityId());
                }
            }
            List<String> leads = leadsOfPriority.get(priorityOfObjective.get(objectiveId));
            return leads == null ? Set.of() : Set.copyOf(leads.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        };
    }
}
