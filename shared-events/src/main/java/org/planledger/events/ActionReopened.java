package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ActionReopened(String planId, String actionId, String reason, LocalDate effectiveOn) implements ActionEvent {
}
