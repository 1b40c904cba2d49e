package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * A client-chosen {@code closureId} makes a retry safe: the same id with the same content records nothing again
 * (even though the plan is now closed), with other content it is refused.
 */
public record ClosePlan(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String closureId,
        @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** Without an id, a retry is refused because the plan is already closed. */
    public ClosePlan(String planId, String reason, LocalDate effectiveOn, Long expectedVersion) {
        this(planId, null, reason, effectiveOn, expectedVersion);
    }
}
