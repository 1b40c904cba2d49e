package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

public record ReviseActionDetails(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.TEXT) String title,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> outputs,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> monitoringIndicators,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> resources,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> partners,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> risks,
        @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
