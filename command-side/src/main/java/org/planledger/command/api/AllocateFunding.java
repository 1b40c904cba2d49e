package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.events.FinancialYear;

import java.time.LocalDate;

public record AllocateFunding(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String fundingId,
        @PositiveOrZero @Max(Limits.MAX_PENCE) long amountPence,
        @NotBlank @Size(max = Limits.TITLE) String source,
        @NotNull FinancialYear financialYear,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
