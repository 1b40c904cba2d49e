package org.planledger.query.api;

import org.planledger.events.FinancialYear;

import java.util.List;

public record ReferralStatistics(String planId, FinancialYear financialYear, List<ActionReferralStatistics> actions,
                                 ReferralCounts total) {
}
