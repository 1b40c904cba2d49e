package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;

public record RecordIndicatorReading(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        @NotNull BigDecimal value,
        @NotBlank @Size(max = Limits.TITLE) String period,
        @Size(max = Limits.TITLE) String source,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
