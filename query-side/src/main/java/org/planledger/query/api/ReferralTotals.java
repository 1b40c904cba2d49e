package org.planledger.query.api;

import org.planledger.events.FinancialYear;

/** Referrals received in the financial year (cases plus tallies) and what they cost. */
public record ReferralTotals(FinancialYear financialYear, int count, long costPence) {
}
