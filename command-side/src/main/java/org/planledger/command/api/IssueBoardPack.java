package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records that a board pack was issued. The service renders the PDF first (from the plan as known at
 * {@code knownAt}) and sends its digest here; the same command again is a harmless retry, another
 * pack under the same {@code packId} a DUPLICATE_ID conflict. {@code layout} is the layout version the
 * PDF was laid out with. A meeting's pack is as at the meeting's day.
 */
public record IssueBoardPack(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID + 10) @Pattern(regexp = Limits.ID_PATTERN) String packId,
        @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String meetingId,
        @NotNull LocalDate asAt,
        @NotNull Instant knownAt,
        @NotNull Instant issuedAt,
        @NotBlank @Size(max = Limits.ID) String issuedBy,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}") String pdfSha256,
        Long checkpointId,
        @Pattern(regexp = "[0-9a-f]{64}") String checkpointRoot,
        @Positive int layout,
        @TargetAggregateVersion Long expectedVersion) {
}
