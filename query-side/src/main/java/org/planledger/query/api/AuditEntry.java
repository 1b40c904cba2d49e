package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One change in the audit trail. {@code subjectKind}, {@code subjectId} and {@code subjectTitle} name
 * what it changed as people know it ("Action", its id, its title as the plan held it then): the
 * action for action and referral events; the priority, objective, indicator, board meeting or member
 * for plan events about one; the plan itself otherwise.
 */
public record AuditEntry(long sequence, Instant recordedAt, LocalDate effectiveOn, String actor, List<String> actorRoles,
                         String type, String planId, String aggregateId, String aggregateType, String reason,
                         String source, String correlationId, String causationId, List<FieldChange> changes,
                         String subjectKind, String subjectId, String subjectTitle) {
}
