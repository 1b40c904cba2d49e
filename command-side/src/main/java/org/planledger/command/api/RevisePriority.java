package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** focus: the priority's focus strands ("Domestic abuse"); null keeps them as they are, an empty list removes them. */
public record RevisePriority(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String priorityId,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TEXT) String> leads,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TITLE) String> focus,
        @Size(max = Limits.REASON) String reason,
        LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {

    /** A revision that leaves the focus strands out: they stay as they were. */
    public RevisePriority(String planId, String priorityId, String title, List<String> leads, String reason,
                          LocalDate effectiveOn, Long expectedVersion) {
        this(planId, priorityId, title, leads, null, reason, effectiveOn, expectedVersion);
    }
}
