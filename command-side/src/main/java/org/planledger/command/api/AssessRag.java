package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.planledger.events.RagStatus;

import java.time.LocalDate;

/**
 * Red and Amber need a reason. A client-chosen {@code assessmentId} makes a retry safe: the same id with the
 * same content records nothing again, with other content it is refused.
 */
public record AssessRag(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String assessmentId,
        @NotNull RagStatus rag,
        @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** Without an id, every command is a new rating, so a retry records it twice. */
    public AssessRag(String actionId, RagStatus rag, String reason, LocalDate effectiveOn, Long expectedVersion) {
        this(actionId, null, rag, reason, effectiveOn, expectedVersion);
    }
}
