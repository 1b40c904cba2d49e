package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A new baseline (and, when the refresh moved it, a new target) from the effective date on.
 */
@Revision("1")
public record IndicatorRebaselined(String planId, String indicatorId, Baseline baseline, Target target, String changeRequired, String reason, LocalDate effectiveOn) implements PlanEvent {
}
