package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * The annual refresh after the strategic assessment. A client-chosen {@code refreshId} makes a retry safe: the
 * same id with the same content records nothing again, with other content it is refused.
 */
public record RefreshPlan(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String refreshId,
        @NotBlank @Size(max = Limits.TEXT) String note,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** Without an id, every command is a new refresh, so a retry records it twice. */
    public RefreshPlan(String planId, String note, LocalDate effectiveOn, Long expectedVersion) {
        this(planId, null, note, effectiveOn, expectedVersion);
    }
}
