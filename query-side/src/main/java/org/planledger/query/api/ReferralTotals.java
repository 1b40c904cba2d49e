package org.planledger.query.api;

import org.planledger.events.FinancialYear;

/**
 * Referrals received in the financial year (cases plus tallies) and what they cost. costPence sums
 * only known costs; countWithoutCost says how many referrals (from tallies that gave no cost) it leaves out.
 */
public record ReferralTotals(FinancialYear financialYear, int count, long costPence, int countWithoutCost) {

    public ReferralTotals(FinancialYear financialYear, int count, long costPence) {
        this(financialYear, count, costPence, 0);
    }
}
