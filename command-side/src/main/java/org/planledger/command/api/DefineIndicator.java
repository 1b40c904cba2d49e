package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.events.Baseline;
import org.planledger.events.Direction;
import org.planledger.events.IndicatorUnit;
import org.planledger.events.Target;

import java.time.LocalDate;

public record DefineIndicator(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String objectiveId,
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
}
