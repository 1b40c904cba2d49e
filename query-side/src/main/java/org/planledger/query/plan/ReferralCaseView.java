package org.planledger.query.plan;

import org.planledger.events.FinancialYear;
import org.planledger.events.ReferralStatus;

/** Only what the board needs of a case: which year's intake it belongs to and where it stands. */
public record ReferralCaseView(String referralId, FinancialYear financialYear, ReferralStatus status) {
}
