package org.planledger.query.api;

/**
 * received counts cases received plus referrals in tallies; accepted, declined and closed only
 * cases (a tally does not say); totalCostPence is closed cases' cost plus tallies' total cost;
 * averageCostPence divides it by the referrals that carry a cost (closed cases plus tallied ones).
 */
public record ReferralCounts(int received, int accepted, int declined, int closed, int tallied,
                             long totalCostPence, long averageCostPence) {

    public static final ReferralCounts NONE = new ReferralCounts(0, 0, 0, 0, 0, 0, 0);
}
