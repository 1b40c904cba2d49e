package org.planledger.query.api;

public record ActionReferralStatistics(String actionId, String title, ReferralCounts counts) {
}
