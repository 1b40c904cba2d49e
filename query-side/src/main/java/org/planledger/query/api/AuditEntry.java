package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record AuditEntry(long sequence, Instant recordedAt, LocalDate effectiveOn, String actor, List<String> actorRoles,
                         String type, String planId, String aggregateId, String aggregateType, String reason,
                         String source, String correlationId, String causationId, List<FieldChange> changes) {
}
