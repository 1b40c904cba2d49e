package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One figure in an indicator's series. period: "2013/14", "2013/14 Q1", "2014-Q1", "2013-06" or
 * "2013-06-14" (older free text is still taken). effectiveOn defaults to the period's last day.
 * readingId makes the command idempotent; value is in pence for a MONEY indicator; costPence is an
 * optional money figure for the same period; series is null or "OWN" for the partnership's own
 * figure, "PEER" for its peer group's.
 */
public record RecordIndicatorReading(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String indicatorId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String readingId,
        @NotNull BigDecimal value,
        @NotBlank @Size(max = Limits.TITLE) String period,
        @PositiveOrZero @Max(Limits.MAX_PENCE) Long costPence,
        @Size(max = Limits.TEXT) String note,
        @Size(max = Limits.TITLE) String source,
        @Pattern(regexp = "OWN|PEER") String series,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** A reading as the first API took it: no id, cost, note or series. */
    public RecordIndicatorReading(String planId, String indicatorId, BigDecimal value, String period, String source,
                                  LocalDate effectiveOn, Long expectedVersion) {
        this(planId, indicatorId, null, value, period, null, null, source, null, effectiveOn, expectedVersion);
    }
}
