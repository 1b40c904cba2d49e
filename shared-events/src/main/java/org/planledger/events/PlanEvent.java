package org.planledger.events;

/** An event in a plan's own stream (applied by the Plan aggregate). */
public sealed interface PlanEvent extends PlanLedgerEvent permits
        PlanDrafted, PriorityAdded, PriorityRevised, PriorityRetired,
        ObjectiveAdded, ObjectiveRevised,
        IndicatorDefined, IndicatorRebaselined, IndicatorReadingRecorded, IndicatorSeriesBroken, IndicatorLinked, PlanMemberRecorded,
        ActionRegistered, BoardMeetingRecorded, PlanRefreshed, PlanClosed,
        PlanLabelledFictional, BoardPackIssued, UpdateApprovalRequired,
        // retirements and corrections a refresh or a revised figure brings (issue 13's last gaps)
        ObjectiveRetired, IndicatorRetired, IndicatorReadingCorrected {
}
