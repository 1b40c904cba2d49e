package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The action's own record that it opened a referral case's stream; see {@link ActionRegistered} for why
 * the digest.
 */
@Revision("1")
public record ReferralRegistered(String planId, String actionId, String referralId, String contentDigest, LocalDate effectiveOn) implements ActionEvent {
}
