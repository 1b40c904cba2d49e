package org.planledger.query.api;

import java.time.Instant;
import java.util.Set;

/**
 * Every field optional; recordedFrom inclusive, recordedTo exclusive. {@code actorIn} and
 * {@code eventTypeIn} match any one of several (the people a name belongs to; the event types one
 * plain label stands for); null or empty means no restriction.
 */
public record AuditFilter(String planId, String aggregateId, String actor, String eventType,
                          Instant recordedFrom, Instant recordedTo, Set<String> actorIn, Set<String> eventTypeIn) {

    public AuditFilter {
        actorIn = actorIn == null || actorIn.isEmpty() ? null : Set.copyOf(actorIn);
        eventTypeIn = eventTypeIn == null || eventTypeIn.isEmpty() ? null : Set.copyOf(eventTypeIn);
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
