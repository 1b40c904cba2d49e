package org.planledger.query.api;

import java.time.Instant;
import java.util.Set;

/**
 * Every field optional; recordedFrom inclusive, recordedTo exclusive. {@code actorIn} and
 * {@code eventTypeIn} match any one of several (the people a name belongs to; the event types one
 * plain label stands for); null or empty means no restriction.
 */
public record AuditFilter(String planId, String aggregateId, String actor, String eventType,
                          Instant recordedFrom, Instant recordedTo, Set<String> actorIn, Set<String> eventTypeIn,
                          Set<String> planIdIn) {

    /**
     * {@code planIdIn}, unlike the other sets, means what it says when empty: the caller may see no
     * plan, so nothing matches (the plans of the partnerships where the caller holds a role; null when
     * they may see every plan).
     */
    public AuditFilter {
        actorIn = actorIn == null || actorIn.isEmpty() ? null : Set.copyOf(actorIn);
        eventTypeIn = eventTypeIn == null || eventTypeIn.isEmpty() ? null : Set.copyOf(eventTypeIn);
        planIdIn = planIdIn == null ? null : Set.copyOf(planIdIn);
    }

    public AuditFilter(String planId, String aggregateId, String actor, String eventType,
                       Instant recordedFrom, Instant recordedTo, Set<String> actorIn, Set<String> eventTypeIn) {
        this(planId, aggregateId, actor, eventType, recordedFrom, recordedTo, actorIn, eventTypeIn, null);
    }

    /** The same filter, limited to these plans (null: no limit). */
    public AuditFilter withPlansIn(Set<String> plans) {
        return new AuditFilter(planId, aggregateId, actor, eventType, recordedFrom, recordedTo, actorIn, eventTypeIn, plans);
    }

    public AuditFilter(String planId, String aggregateId, String actor, String eventType,
                       Instant recordedFrom, Instant recordedTo) {
        this(planId, aggregateId, actor, eventType, recordedFrom, recordedTo, null, null);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public static AuditFilter forPlan(String planId) {
        return new AuditFilter(planId, null, null, null, null, null);
    }
}
