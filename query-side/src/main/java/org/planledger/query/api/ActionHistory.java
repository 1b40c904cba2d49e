package org.planledger.query.api;

import org.planledger.events.ActionStatus;
import org.planledger.events.Lead;
import org.planledger.events.RagStatus;

import java.time.LocalDate;
import java.util.List;

/** Everything that happened to one action; notes in period order, the rest in the order recorded. */
public record ActionHistory(String actionId, String planId, String objectiveId, String title, ActionStatus status,
                            RagStatus rag, List<Lead> leads, LocalDate startDate, LocalDate endDate,
                            List<NoteHistory> notes, List<RagChange> ragHistory, List<StatusChange> statusHistory,
                            List<MoneyEntry> funding, List<MoneyEntry> spend, List<RiskEntry> risks,
                            List<TallyEntry> referralTallies, List<ReferralCaseEntry> referrals,
                            List<SubmissionEntry> submissions) {

    public ActionHistory {
        // histories stored before approval existed have no submissions
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    /** The submissions still waiting for a plan manager. */
    public List<SubmissionEntry> pendingSubmissions() {
        return submissions.stream().filter(s -> s.state().equals(SubmissionEntry.PENDING)).toList();
    }
}
