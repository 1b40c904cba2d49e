package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Marks the plan as invented (a showcase or training plan), so that nobody reads it as a real
 * partnership's: the label is recorded as an event, never guessed from the title. The note is the
 * wording shown beside the plan. Labelling again with the same note is a no-op; another note replaces
 * the wording.
 */
public record LabelPlanFictional(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.REASON) String note,
        @TargetAggregateVersion Long expectedVersion) {
}
