package org.planledger.query.api;

import org.planledger.events.FinancialYear;

import java.util.Objects;

/** Answered with Optional&lt;ReferralStatistics&gt; (empty: unknown plan). */
public record FindReferralStatistics(String planId, FinancialYear financialYear) {
    public FindReferralStatistics {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(financialYear, "financialYear");
    }
}
