package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RiskReassessed(String planId, String actionId, String riskId, int likelihood, int impact, String owner, String mitigation, String reason, LocalDate effectiveOn) implements ActionEvent {
}
