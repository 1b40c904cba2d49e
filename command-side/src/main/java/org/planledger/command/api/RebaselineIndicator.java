package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.events.Baseline;
import org.planledger.events.Target;

import java.time.LocalDate;

/** Replaces the baseline and target from effectiveOn on, saying why. */
public record RebaselineIndicator(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        Baseline baseline,
        @NotNull Target target,
        @Size(max = Limits.TITLE) String changeRequired,
        @NotBlank @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
