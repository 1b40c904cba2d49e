package org.planledger.command.api;

import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.planledger.events.Cadence;

import java.time.LocalDate;

/**
 * Creates the plan; repeating it with the same content is a no-op. {@code partnershipId}, when given,
 * names the partnership the plan belongs to; otherwise it is derived from the partnership's name
 * ({@link org.planledger.events.PartnershipIds#fromName}).
 */
public record DraftPlan(
        @TargetAggregateIdentifier @NotBlank @Size(max = Limits.ID) @Pattern(regexp = Limits.ID_PATTERN) String planId,
        @NotBlank @Size(max = Limits.TITLE) String partnership,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotNull Cadence cadence,
        LocalDate effectiveOn,
        @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "lower-case letters and digits in words joined by hyphens, e.g. kettering-borough")
        String partnershipId) {

    /** A plan of the partnership of this name, with the id derived from it. */
    public DraftPlan(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                     Cadence cadence, LocalDate effectiveOn) {
        this(planId, partnership, title, periodStart, periodEnd, cadence, effectiveOn, null);
    }

    /** The partnership the plan belongs to: the one named, or the id derived from its name. */
    public String partnershipIdOrDerived() {
        return partnershipId != null && !partnershipId.isBlank() ? partnershipId
                : org.planledger.events.PartnershipIds.fromName(partnership);
    }
}
