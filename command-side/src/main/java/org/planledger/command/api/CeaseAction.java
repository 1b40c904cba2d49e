package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * A client-chosen {@code cessationId} makes a retry safe: the same id with the same content records nothing
 * again (even though the action is no longer open), with other content it is refused.
 */
public record CeaseAction(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String cessationId,
        @NotBlank @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** Without an id, a retry is refused because the action is no longer open. */
    public CeaseAction(String actionId, String reason, LocalDate effectiveOn, Long expectedVersion) {
        this(actionId, null, reason, effectiveOn, expectedVersion);
    }
}
