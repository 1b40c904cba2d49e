package org.planledger.query.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * text is the current wording; originalText stays as first recorded so a correction never hides it.
 * achieved and planned are the note's optional quantities ("41 of 60"). undated: the document gives the text
 * no date, and period is only where it is filed (the action's start month).
 */
public record NoteView(String noteId, String period, LocalDate effectiveOn, String text, String originalText,
                       int corrections, boolean withdrawn, String withdrawnReason,
                       String recordedBy, Instant recordedAt, BigDecimal achieved, BigDecimal planned,
                       boolean undated) {

    public NoteView(String noteId, String period, LocalDate effectiveOn, String text, String originalText,
                    int corrections, boolean withdrawn, String withdrawnReason,
                    String recordedBy, Instant recordedAt, BigDecimal achieved, BigDecimal planned) {
        this(noteId, period, effectiveOn, text, originalText, corrections, withdrawn, withdrawnReason, recordedBy,
                recordedAt, achieved, planned, false);
    }

    NoteView withText(String changed, int changedCorrections) {
        return new NoteView(noteId, period, effectiveOn, changed, originalText, changedCorrections, withdrawn,
                withdrawnReason, recordedBy, recordedAt, achieved, planned, undated);
    }

    NoteView withdrawn(String reason) {
        return new NoteView(noteId, period, effectiveOn, text, originalText, corrections, true, reason, recordedBy,
                recordedAt, achieved, planned, undated);
    }
}
