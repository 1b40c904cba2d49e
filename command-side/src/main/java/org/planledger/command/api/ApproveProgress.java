package org.planledger.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A plan manager approves a submitted update: it is recorded as a note or rating and reaches the board. */
public record ApproveProgress(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String submissionId,
        @TargetAggregateVersion Long expectedVersion) {
}
