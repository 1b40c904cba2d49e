package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The note now reads {@code text}; the original stays in the note's history.
 */
@Revision("1")
public record ProgressNoteCorrected(String planId, String actionId, String noteId, String text, String reason, LocalDate effectiveOn) implements ActionEvent {
}
