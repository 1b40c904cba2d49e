package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.events.Lead;

import java.time.LocalDate;
import java.util.List;

/**
 * Handled by the Plan, which checks the objective and that the plan is open, then starts the action's
 * own stream. startDate and endDate may be left out: an ongoing action with no dates is never overdue.
 * A lead may be an organisation without a person's name.
 */
public record AddAction(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String objectiveId,
        @NotBlank @Size(max = Limits.TEXT) String title,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> outputs,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> monitoringIndicators,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> resources,
        @NotEmpty @Size(max = Limits.LIST) List<@NotNull Lead> leads,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> partners,
        LocalDate startDate,
        LocalDate endDate,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> risks,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
