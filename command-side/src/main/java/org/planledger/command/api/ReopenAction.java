package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * A client-chosen {@code reopeningId} makes a retry safe: the same id with the same content records nothing
 * again (even though the action is open again), with other content it is refused.
 */
public record ReopenAction(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String reopeningId,
        @NotBlank @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** Without an id, a retry is refused because the action is already open. */
    public ReopenAction(String actionId, String reason, LocalDate effectiveOn, Long expectedVersion) {
        this(actionId, null, reason, effectiveOn, expectedVersion);
    }
}
