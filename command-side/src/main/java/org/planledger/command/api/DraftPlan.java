package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.planledger.events.Cadence;

import java.time.LocalDate;

/** Creates the plan; repeating it with the same content is a no-op. */
public record DraftPlan(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.TITLE) String partnership,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull Cadence cadence,
        LocalDate effectiveOn) {
}
