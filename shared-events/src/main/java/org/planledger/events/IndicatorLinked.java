package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A further objective shares an existing indicator (one measure, several objectives), without a copy of it. */
@Revision("1")
public record IndicatorLinked(String planId, String indicatorId, String objectiveId, LocalDate effectiveOn) implements PlanEvent {
}
