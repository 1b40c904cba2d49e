package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Records that an indicator's counting changed on breakOn, saying why. An indicator has at most one
 * break per day: the same break again is a no-op, a different one on the same day a conflict.
 * effectiveOn defaults to breakOn.
 */
public record RecordSeriesBreak(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        @NotNull LocalDate breakOn,
        @NotBlank @Size(max = Limits.REASON) String reason,
        boolean newBaselinePending,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
