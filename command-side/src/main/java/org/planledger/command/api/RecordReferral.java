package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Handled by the Action, which checks it is open, then starts the referral case's own stream. */
public record RecordReferral(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String actionId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String referralId,
        @NotNull LocalDate receivedOn,
        @NotBlank @Size(max = Limits.TITLE) String referringAgency,
        @Size(max = Limits.TITLE) @Pattern(regexp = Limits.SOME_TEXT, message = "must not be blank when given") String subjectRef,
        @Size(max = Limits.TEXT) String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
