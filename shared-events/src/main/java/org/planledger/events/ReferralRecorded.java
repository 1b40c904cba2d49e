package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * subjectRef is a pseudonymous reference, never a name; it is still hidden from board and scrutiny readers.
 */
@Revision("1")
public record ReferralRecorded(String planId, String actionId, String referralId, LocalDate receivedOn, String referringAgency, String subjectRef, String reason, LocalDate effectiveOn) implements ReferralEvent {
}
