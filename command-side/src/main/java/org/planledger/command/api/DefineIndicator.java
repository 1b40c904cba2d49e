package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;

import java.time.LocalDate;

/**
 * An indicator under an objective (objectiveId), a priority (priorityId only) or the plan as a whole
 * (neither). When both are given the objective must be under that priority.
 */
public record DefineIndicator(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String objectiveId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String priorityId,
        @NotBlank @Size(max = Limits.TITLE) String name,
        @NotNull IndicatorUnit unit,
        @NotNull Direction direction,
        Baseline baseline,
        @NotNull Target target,
        @Size(max = Limits.TITLE) String changeRequired,
        LocalDate dueOn,
        @Size(max = Limits.TITLE) String lead,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** An indicator under an objective, as the first API and the importer send it. */
    public DefineIndicator(String planId, String indicatorId, String objectiveId, String name, IndicatorUnit unit,
                           Direction direction, Baseline baseline, Target target, String changeRequired, LocalDate dueOn,
                           String lead, LocalDate effectiveOn, Long expectedVersion) {
        this(planId, indicatorId, objectiveId, null, name, unit, direction, baseline, target, changeRequired, dueOn,
                lead, effectiveOn, expectedVersion);
    }
}
