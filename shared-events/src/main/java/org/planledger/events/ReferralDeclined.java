package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ReferralDeclined(String planId, String actionId, String referralId, String reason, LocalDate effectiveOn) implements ReferralEvent {
}
