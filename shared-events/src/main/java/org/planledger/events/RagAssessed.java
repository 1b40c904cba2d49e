package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RagAssessed(String planId, String actionId, RagStatus rag, String reason, LocalDate effectiveOn) implements ActionEvent {
}
