package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A historical figure such as "65 referrals April 2012 - March 2013, total spend £10,943", kept as
 * the fact it is rather than as invented individual cases.
 */
@Revision("1")
public record ReferralsTallied(String planId, String actionId, String tallyId, LocalDate periodFrom, LocalDate periodTo, int count, long totalCostPence, String note, LocalDate effectiveOn) implements ActionEvent {
}
