package org.planledger.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a case's subject data is erased (the key itself is deleted by infra, in the same
 * transaction). Sent by infra for each case of a subject, never from a request body.
 */
public record EraseReferralSubject(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String referralId,
        @NotBlank @Size(max = 64) String subjectHash,
        @NotBlank @Size(max = Limits.REASON) String rule) {
}
