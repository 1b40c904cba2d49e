package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

public record IdentifyRisk(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String riskId,
        @NotBlank @Size(max = Limits.TEXT) String description,
        @Min(1) @Max(5) int likelihood,
        @Min(1) @Max(5) int impact,
        @Size(max = Limits.TITLE) String owner,
        @Size(max = Limits.TEXT) String mitigation,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
