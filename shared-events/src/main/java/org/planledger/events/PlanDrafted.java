package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A partnership drafted a plan for a period, reviewed at a reporting cadence. {@code partnershipId} is
 * the partnership the plan belongs to, which every role grant is checked against (docs/partnerships.md).
 * Revision 2 added it; revision-1 events are upcast with the id derived from {@code partnership}
 * ({@link PartnershipIds#fromName}).
 */
@Revision("2")
public record PlanDrafted(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                          Cadence cadence, LocalDate effectiveOn, String partnershipId) implements PlanEvent {

    /** A plan of the partnership of this name, with the id derived from it. */
    public PlanDrafted(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                       Cadence cadence, LocalDate effectiveOn) {
        this(planId, partnership, title, periodStart, periodEnd, cadence, effectiveOn, PartnershipIds.fromName(partnership));
    }
}
