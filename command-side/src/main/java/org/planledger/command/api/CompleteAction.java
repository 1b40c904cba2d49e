package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * A client-chosen {@code completionId} makes a retry safe: the same id with the same content records nothing
 * again (even though the action is no longer open), with other content it is refused.
 */
public record CompleteAction(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String completionId,
        @Size(max = Limits.TEXT) String note,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** Without an id, a retry is refused because the action is no longer open. */
    public CompleteAction(String actionId, String note, LocalDate effectiveOn, Long expectedVersion) {
        this(actionId, null, note, effectiveOn, expectedVersion);
    }
}
