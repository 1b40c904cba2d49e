package org.planledger.query.api;

/**
 * received counts cases received plus referrals in tallies; accepted, declined and closed only
 * cases (a tally does not say); totalCostPence is closed cases' cost plus tallies' known total cost;
 * averageCostPence divides it by the referrals that carry a cost (closed cases plus tallied ones
 * with a cost); costUnknown counts tallied referrals whose tally gave no cost.
 */
public record ReferralCounts(int received, int accepted, int declined, int closed, int tallied,
                             long totalCostPence, long averageCostPence, int costUnknown) {

    public static final ReferralCounts NONE = new ReferralCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public ReferralCounts(int received, int accepted, int declined, int closed, int tallied, long totalCostPence,
                          long averageCostPence) {
        this(received, accepted, declined, closed, tallied, totalCostPence, averageCostPence, 0);
    }
}
