package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Updates the action's current position; the note is effective from the start of its period. */
public record RecordProgress(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String noteId,
        @NotBlank @Size(max = 10) String period,
        @NotBlank @Size(max = Limits.TEXT) String text,
        @TargetAggregateVersion Long expectedVersion) {
}
