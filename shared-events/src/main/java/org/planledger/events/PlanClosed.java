package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A closed plan takes no new structure or actions.
 */
@Revision("1")
public record PlanClosed(String planId, String reason, LocalDate effectiveOn) implements PlanEvent {
}
