package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The plan is no longer shared with that partnership; its people lose the read access {@link PlanShared} gave. */
@Revision("1")
public record PlanShareWithdrawn(String planId, String withPartnershipId, String reason, LocalDate effectiveOn) implements PlanEvent {
}
