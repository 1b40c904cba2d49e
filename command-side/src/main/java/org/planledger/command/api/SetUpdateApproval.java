package org.planledger.command.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The action follows its plan's approval setting; the same setting again records nothing. */
public record SetUpdateApproval(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) String actionId,
        boolean required) {
}
