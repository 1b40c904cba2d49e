package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * status: ACTIVE, CORRECTED or WITHDRAWN. text is the current wording, originalText the words first
 * recorded; a withdrawn note keeps both, marked.
 */
public record NoteHistory(String noteId, String period, LocalDate effectiveOn, String text, String originalText,
                          String status, String recordedBy, Instant recordedAt, List<NoteCorrection> corrections,
                          NoteWithdrawal withdrawal) {
}
