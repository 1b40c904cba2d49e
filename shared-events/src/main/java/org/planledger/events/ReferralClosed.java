package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ReferralClosed(String planId, String actionId, String referralId, String outcome, long costPence, LocalDate effectiveOn) implements ReferralEvent {
}
