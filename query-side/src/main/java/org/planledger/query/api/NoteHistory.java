package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * status: ACTIVE, CORRECTED or WITHDRAWN. text is the current wording, originalText the words first
 * recorded; a withdrawn note keeps both, marked. undated: the document gives the text no date; period is
 * only the month it is filed under (shown "undated (filed under June 2013)").
 */
public record NoteHistory(String noteId, String period, LocalDate effectiveOn, String text, String originalText,
                          String status, String recordedBy, Instant recordedAt, List<NoteCorrection> corrections,
                          NoteWithdrawal withdrawal, boolean undated) {

    public NoteHistory(String noteId, String period, LocalDate effectiveOn, String text, String originalText,
                       String status, String recordedBy, Instant recordedAt, List<NoteCorrection> corrections,
                       NoteWithdrawal withdrawal) {
        this(noteId, period, effectiveOn, text, originalText, status, recordedBy, recordedAt, corrections, withdrawal,
                false);
    }
}
