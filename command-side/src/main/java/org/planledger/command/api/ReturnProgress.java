package org.planledger.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A plan manager returns a submitted update to its lead with a reason; it never reaches the board. */
public record ReturnProgress(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String submissionId,
        @Size(max = Limits.REASON) String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
