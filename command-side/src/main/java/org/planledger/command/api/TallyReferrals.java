package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Records a historical referral figure for a period; effective at the end of the period it counts.
 * totalCostPence may be left out when the document gives no cost: it is then unknown, not zero.
 */
public record TallyReferrals(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String tallyId,
        @NotNull LocalDate periodFrom,
        @NotNull LocalDate periodTo,
        @PositiveOrZero @Max(10_000_000) int count,
        @PositiveOrZero @Max(Limits.MAX_PENCE) Long totalCostPence,
        @Size(max = Limits.TEXT) String note,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
