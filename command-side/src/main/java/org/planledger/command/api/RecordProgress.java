package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/**
 * Updates the action's current position; the note is effective from the start of its period.
 * achieved and planned are optional quantities ("41 of 60"). undated marks text the document gives no date
 * for: period is then only where it is filed (the action's start month), and pages say so.
 */
public record RecordProgress(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String noteId,
        @NotBlank @Size(max = 10) String period,
        @NotBlank @Size(max = Limits.TEXT) String text,
        @PositiveOrZero BigDecimal achieved,
        @PositiveOrZero BigDecimal planned,
        Boolean undated,
        @TargetAggregateVersion Long expectedVersion) {

    /** A dated note with optional quantities. */
    public RecordProgress(String actionId, String noteId, String period, String text, BigDecimal achieved,
                          BigDecimal planned, Long expectedVersion) {
        this(actionId, noteId, period, text, achieved, planned, null, expectedVersion);
    }

    /** A note without quantities, as the importer and the first API send it. */
    public RecordProgress(String actionId, String noteId, String period, String text, Long expectedVersion) {
        this(actionId, noteId, period, text, null, null, null, expectedVersion);
    }
}
