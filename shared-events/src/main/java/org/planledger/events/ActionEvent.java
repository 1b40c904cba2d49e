package org.planledger.events;

/**
 * An event in an action's own stream (applied by the Action aggregate, {@link ActionAdded} first),
 * or about one of its referral cases ({@link ReferralEvent}).
 */
public sealed interface ActionEvent extends PlanLedgerEvent permits
        ActionAdded, ActionRescheduled, ActionLeadsChanged, ActionDetailsRevised,
        ActionCompleted, ActionCeased, ActionReopened,
        ProgressRecorded, ProgressNoteCorrected, ProgressNoteWithdrawn, RagAssessed,
        FundingAllocated, SpendRecorded,
        RiskIdentified, RiskReassessed, RiskClosed,
        ReferralsTallied, ReferralRegistered,
        UpdateReminderSent, UpdateApprovalSet, ProgressSubmitted, ProgressApproved, ProgressReturned,
        ReferralEvent {
    String actionId();
}
