package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record IndicatorDefined(String planId, String objectiveId, String indicatorId, String name, IndicatorUnit unit, Direction direction, Baseline baseline, Target target, String changeRequired, LocalDate dueOn, String lead, LocalDate effectiveOn) implements PlanEvent {
}
