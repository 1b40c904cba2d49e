package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A plan manager returned a submitted update to its lead, with the reason; it never reaches the board. */
@Revision("1")
public record ProgressReturned(String planId, String actionId, String submissionId, String reason,
                               LocalDate effectiveOn) implements ActionEvent {
}
