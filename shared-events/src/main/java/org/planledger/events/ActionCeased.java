package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The action stopped before it was done ("DECC no longer operating owing to costs").
 */
@Revision("1")
public record ActionCeased(String planId, String actionId, String reason, LocalDate effectiveOn) implements ActionEvent {
}
