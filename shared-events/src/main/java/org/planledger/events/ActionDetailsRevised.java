package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ActionDetailsRevised(String planId, String actionId, String title, List<String> outputs, List<String> monitoringIndicators, List<String> resources, List<String> partners, List<String> risks, String reason, LocalDate effectiveOn) implements ActionEvent {
}
