package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ReferralAccepted(String planId, String actionId, String referralId, LocalDate effectiveOn) implements ReferralEvent {
}
