package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Records a plan member, or revises one by memberId (a member who left: the same record with to set).
 * A name or an organisation is required. The same details again change nothing. effectiveOn
 * defaults to the day the record speaks for: to when it newly says they left, otherwise from, else today.
 */
public record RecordPlanMember(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String memberId,
        @Size(max = Limits.TITLE) String name,
        @Size(max = Limits.TITLE) String organisation,
        @Size(max = Limits.TITLE) String role,
        LocalDate from,
        LocalDate to,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
