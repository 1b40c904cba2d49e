package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ActionLeadsChanged(String planId, String actionId, List<Lead> leads, String reason, LocalDate effectiveOn) implements ActionEvent {
}
