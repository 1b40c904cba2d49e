package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ActionRescheduled(String planId, String actionId, LocalDate startDate, LocalDate endDate, String reason, LocalDate effectiveOn) implements ActionEvent {
}
