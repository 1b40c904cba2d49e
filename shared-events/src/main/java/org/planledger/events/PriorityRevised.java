package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The new title and leads replace the old ones; the old stay in the history.
 */
@Revision("1")
public record PriorityRevised(String planId, String priorityId, String title, List<String> leads, LocalDate effectiveOn) implements PlanEvent {
}
