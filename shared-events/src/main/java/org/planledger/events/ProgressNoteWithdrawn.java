package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The note no longer counts as the action's position; it stays readable, marked withdrawn.
 */
@Revision("1")
public record ProgressNoteWithdrawn(String planId, String actionId, String noteId, String reason, LocalDate effectiveOn) implements ActionEvent {
}
