package org.planledger.query.api;

import java.time.Instant;

/** Every field optional; recordedFrom inclusive, recordedTo exclusive. */
public record AuditFilter(String planId, String aggregateId, String actor, String eventType,
                          Instant recordedFrom, Instant recordedTo) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public static AuditFilter forPlan(String planId) {
        return new AuditFilter(planId, null, null, null, null, null);
    }
}
