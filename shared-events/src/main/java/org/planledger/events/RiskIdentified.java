package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RiskIdentified(String planId, String actionId, String riskId, String description, int likelihood, int impact, String owner, String mitigation, LocalDate effectiveOn) implements ActionEvent {
}
