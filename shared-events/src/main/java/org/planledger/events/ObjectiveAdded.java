package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ObjectiveAdded(String planId, String priorityId, String objectiveId, String title, List<String> outcomes, LocalDate effectiveOn) implements PlanEvent {
}
