package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A plan manager approved a submitted update; the note ({@link ProgressRecorded}, noteId = submissionId)
 * or rating ({@link RagAssessed}, assessmentId = submissionId) follows in the same commit, so every view
 * that folds notes and ratings shows it from here on. effectiveOn is the day of approval.
 */
@Revision("1")
public record ProgressApproved(String planId, String actionId, String submissionId, String submittedBy,
                               LocalDate effectiveOn) implements ActionEvent {
}
