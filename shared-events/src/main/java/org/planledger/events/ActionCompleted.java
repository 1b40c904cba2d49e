package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ActionCompleted(String planId, String actionId, String note, LocalDate effectiveOn) implements ActionEvent {
}
