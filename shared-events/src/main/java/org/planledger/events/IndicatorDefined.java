package org.planledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An indicator and its target. objectiveId is null for a measure of the plan as a whole or of a
 * priority (then priorityId names it); priorityId was added later and is null in indicators defined
 * before, which always had an objective.
 */
@Revision("1")
public record IndicatorDefined(String planId, String objectiveId, String priorityId, String indicatorId, String name,
                               IndicatorUnit unit, Direction direction, Baseline baseline, Target target,
                               String changeRequired, LocalDate dueOn, String lead, LocalDate effectiveOn) implements PlanEvent {

    @JsonCreator
    public IndicatorDefined {
    }

    /** An indicator under an objective, as first recorded. */
    public IndicatorDefined(String planId, String objectiveId, String indicatorId, String name, IndicatorUnit unit,
                            Direction direction, Baseline baseline, Target target, String changeRequired,
                            LocalDate dueOn, String lead, LocalDate effectiveOn) {
        this(planId, objectiveId, null, indicatorId, name, unit, direction, baseline, target, changeRequired, dueOn,
                lead, effectiveOn);
    }
}
