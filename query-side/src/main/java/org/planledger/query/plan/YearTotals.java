package org.planledger.query.plan;

import org.planledger.events.FinancialYear;

/**
 * An action's money and referrals in one financial year. Referrals (cases and tallies) count in
 * the year the referral was received (a tally: the year its period ends in), and a case's cost
 * counts in that same year even if it closes later, so one year's intake carries its own cost.
 * referralsWithoutCost counts referrals from tallies that gave no cost: their cost is unknown, not
 * zero, and is left out of referralCostPence.
 */
public record YearTotals(FinancialYear financialYear, int referrals, long referralCostPence,
                         long fundingPence, long spendPence, int referralsWithoutCost) {

    public YearTotals(FinancialYear financialYear, int referrals, long referralCostPence, long fundingPence, long spendPence) {
        this(financialYear, referrals, referralCostPence, fundingPence, spendPence, 0);
    }

    static YearTotals none(FinancialYear year) {
        return new YearTotals(year, 0, 0, 0, 0, 0);
    }

    YearTotals plus(int moreReferrals, long moreReferralCost, long moreFunding, long moreSpend, int moreWithoutCost) {
        return new YearTotals(financialYear, referrals + moreReferrals, referralCostPence + moreReferralCost,
                fundingPence + moreFunding, spendPence + moreSpend, referralsWithoutCost + moreWithoutCost);
    }
}
