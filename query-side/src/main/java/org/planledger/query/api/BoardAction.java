package org.planledger.query.api;

import org.planledger.events.ActionStatus;
import org.planledger.events.Lead;
import org.planledger.events.RagStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * overdue: open with its end date passed; stale: open and started, but no note within one
 * reporting cycle of the plan's cadence. Both relative to the board's asAt date.
 * fundingPence and spendPence are for the financial year containing asAt, like referrals.
 */
public record BoardAction(String actionId, String title, RagStatus rag, String ragReason, ActionStatus status,
                          List<Lead> leads, LocalDate startDate, LocalDate endDate, boolean overdue, boolean stale,
                          Integer daysSinceLastNote, LocalDate nextUpdateDue, LatestNote latestNote,
                          ReferralTotals referrals, long fundingPence, long spendPence) {
}
