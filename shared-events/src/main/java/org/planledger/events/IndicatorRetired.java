package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The plan stopped measuring the indicator: from effectiveOn the board no longer shows it; its series
 * stays, and "as at" an earlier date shows it as it stood.
 */
@Revision("1")
public record IndicatorRetired(String planId, String indicatorId, String reason, LocalDate effectiveOn) implements PlanEvent {
}
