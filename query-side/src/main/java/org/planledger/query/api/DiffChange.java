package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change between two dates. kind names what happened (ACTION_ADDED, RAG_CHANGED, NOTE_CORRECTED, ...);
 * subjectId names the note, indicator, risk, referral or priority when the change is about one.
 */
public record DiffChange(String kind, String actionId, String subjectId, String field, String before, String after,
                         String actor, String reason, LocalDate effectiveOn, Instant recordedAt, long sequence) {
}
