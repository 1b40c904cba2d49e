package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A published figure was revised: the reading (recorded with readingId) takes this value, cost and note
 * from effectiveOn, default today, so a replay as at an earlier day shows the figure as first published.
 * A reason is required; a correction that changes nothing is a harmless retry.
 */
public record CorrectIndicatorReading(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String readingId,
        @NotNull BigDecimal value,
        @PositiveOrZero @Max(Limits.MAX_PENCE) Long costPence,
        @Size(max = Limits.TEXT) String note,
        @NotBlank @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
