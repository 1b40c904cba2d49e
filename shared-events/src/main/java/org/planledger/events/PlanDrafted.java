package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A partnership drafted a plan for a period, reviewed at a reporting cadence.
 */
@Revision("1")
public record PlanDrafted(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd, Cadence cadence, LocalDate effectiveOn) implements PlanEvent {
}
