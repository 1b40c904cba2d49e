package org.planledger.query.plan;

import java.time.Instant;
import java.time.LocalDate;

/** text is the current wording; originalText stays as first recorded so a correction never hides it. */
public record NoteView(String noteId, String period, LocalDate effectiveOn, String text, String originalText,
                       int corrections, boolean withdrawn, String withdrawnReason,
                       String recordedBy, Instant recordedAt) {
}
