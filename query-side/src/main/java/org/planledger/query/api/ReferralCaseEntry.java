package org.planledger.query.api;

import org.planledger.events.FinancialYear;
import org.planledger.events.ReferralStatus;

import java.time.LocalDate;

/** subjectRef is pseudonymous; the HTTP layer still hides it from BOARD and SCRUTINY readers. */
public record ReferralCaseEntry(String referralId, LocalDate receivedOn, String referringAgency, String subjectRef,
                                String reason, ReferralStatus status, String declineReason, String outcome,
                                long costPence, FinancialYear financialYear, LocalDate decidedOn, LocalDate closedOn) {
}
