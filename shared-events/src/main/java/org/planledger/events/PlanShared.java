package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The plan's partnership shares it, read only, with another partnership (joint priorities across
 * districts): people who hold a reading role there may read the plan, never change it and never see
 * its referral subjects. Lasts until {@link PlanShareWithdrawn}.
 */
@Revision("1")
public record PlanShared(String planId, String withPartnershipId, String reason, LocalDate effectiveOn) implements PlanEvent {
}
