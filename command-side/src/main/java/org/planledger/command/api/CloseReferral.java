package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

public record CloseReferral(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String referralId,
        @NotBlank @Size(max = Limits.TITLE) String outcome,
        @PositiveOrZero @Max(Limits.MAX_PENCE) long costPence,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
