package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ActionAdded(String planId, String objectiveId, String actionId, String title, List<String> outputs, List<String> monitoringIndicators, List<String> resources, List<Lead> leads, List<String> partners, LocalDate startDate, LocalDate endDate, List<String> risks, LocalDate effectiveOn) implements ActionEvent {
}
