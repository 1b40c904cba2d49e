package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A dated entry in the action's "Current Position"; effectiveOn is the first day of its period.
 */
@Revision("1")
public record ProgressRecorded(String planId, String actionId, String noteId, String period, String text, LocalDate effectiveOn) implements ActionEvent {
}
