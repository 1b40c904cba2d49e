package org.planledger.query.support;

import org.planledger.events.*;

/**
 * Several events carry their own "why"; the audit trail and the diff show it when metadata has none.
 * Exhaustive over the event types, so a new event has to say whether it carries a reason.
 */
final class EventReasons {

    private EventReasons() {
    }

    static String reasonOf(PlanLedgerEvent event) {
        return switch (event) {
            // ---- the plan's own stream
            case PlanDrafted e -> null;
            case PriorityAdded e -> null;
            case PriorityRevised e -> null;
            case PriorityRetired e -> e.reason();
            case ObjectiveAdded e -> null;
            case ObjectiveRevised e -> null;
            case ObjectiveRetired e -> e.reason();
            case IndicatorRetired e -> e.reason();
            case IndicatorReadingCorrected e -> e.reason();
            case IndicatorDefined e -> null;
            case IndicatorRebaselined e -> e.reason();
            case IndicatorReadingRecorded e -> null;
            case IndicatorSeriesBroken e -> e.reason();
            case IndicatorLinked e -> null;
            case PlanMemberRecorded e -> null;
            case ActionRegistered e -> null;
            case BoardMeetingRecorded e -> null;
            case BoardPackIssued e -> null;
            case UpdateApprovalRequired e -> null;
            case PlanRefreshed e -> null;
            case PlanLabelledFictional e -> null;
            case PlanClosed e -> e.reason();
            // ---- an action's stream
            case ActionAdded e -> null;
            case ActionRescheduled e -> e.reason();
            case ActionLeadsChanged e -> e.reason();
            case ActionDetailsRevised e -> e.reason();
            // a completion's note is what was achieved (the history's detail), not why
            case ActionCompleted e -> null;
            case ActionCeased e -> e.reason();
            case ActionReopened e -> e.reason();
            case ProgressRecorded e -> null;
            case ProgressNoteCorrected e -> e.reason();
            case ProgressNoteWithdrawn e -> e.reason();
            case RagAssessed e -> e.reason();
            case FundingAllocated e -> null;
            case SpendRecorded e -> null;
            case RiskIdentified e -> null;
            case RiskReassessed e -> e.reason();
            case RiskClosed e -> e.reason();
            case ReferralsTallied e -> null;
            case ReferralRegistered e -> null;
            case UpdateReminderSent e -> null;
            case UpdateApprovalSet e -> null;
            case ProgressSubmitted e -> e.ragReason();
            case ProgressApproved e -> null;
            case ProgressReturned e -> e.reason();
            // ---- a referral case's stream; a recorded referral's reason is why the person was referred
            case ReferralRecorded e -> null;
            case ReferralAccepted e -> null;
            case ReferralDeclined e -> e.reason();
            case ReferralClosed e -> null;
            case ReferralSubjectErased e -> e.rule();
        };
    }
}
