package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A retired priority takes no new objectives; its history stays.
 */
@Revision("1")
public record PriorityRetired(String planId, String priorityId, String reason, LocalDate effectiveOn) implements PlanEvent {
}
