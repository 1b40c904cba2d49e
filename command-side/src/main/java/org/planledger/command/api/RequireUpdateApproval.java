package org.planledger.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Turns approval of updates on or off for the plan (docs/reminders-and-approval.md). The handler answers
 * the ids of the plan's actions, each of which is then sent {@link SetUpdateApproval}; the same setting
 * again records nothing on the plan and still answers them (so a request that failed half-way can be repeated).
 */
public record RequireUpdateApproval(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        boolean required,
        @TargetAggregateVersion Long expectedVersion) {
}
