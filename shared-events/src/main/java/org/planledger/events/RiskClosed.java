package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RiskClosed(String planId, String actionId, String riskId, String reason, LocalDate effectiveOn) implements ActionEvent {
}
