package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record PriorityAdded(String planId, String priorityId, String title, List<String> leads, LocalDate effectiveOn) implements PlanEvent {
}
