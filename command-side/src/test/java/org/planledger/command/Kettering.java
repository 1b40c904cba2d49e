package org.planledger.command;

import org.planledger.command.api.*;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Test data from the Kettering 2013-2016 plan (seeds/001): one plan, one priority, one objective,
 * one indicator, the target-hardening action and one of its referral cases. Each command comes with
 * the event it should produce, so tests read as given / when / expect.
 */
final class Kettering {

    static final String PLAN = "kettering-2013";
    static final String PRIORITY = "asb";
    static final String OBJECTIVE = "asb-1";
    static final String INDICATOR = "asb-perception";
    static final String MEETING = "board-2013-06";
    static final String ACTION = "target-hardening";
    static final String NOTE = "note-2013-06";
    static final String FUNDING = "pcc-2013";
    static final String SPEND = "spend-2013-q1";
    static final String RISK = "funding-runs-out";
    static final String TALLY = "tally-2012-13";
    static final String REFERRAL = "ref-0001";

    /** The business date the examples speak for, unless a test says otherwise. */
    static final LocalDate ON = LocalDate.of(2013, 5, 1);
    static final LocalDate PERIOD_START = LocalDate.of(2013, 4, 1);
    static final LocalDate PERIOD_END = LocalDate.of(2016, 3, 31);
    static final LocalDate ACTION_START = LocalDate.of(2013, 1, 1);
    static final LocalDate ACTION_END = LocalDate.of(2014, 3, 31);

    static final Lead LEAD = new Lead("John Kinloch", "Kettering Borough Council", "jkinloch");
    static final Lead OTHER_LEAD = new Lead("Lucy Westley", "Sunflower Centre", null);

    private Kettering() {
    }

    // --- Plan ---------------------------------------------------------------------------------

    static DraftPlan draftPlan() {
        return new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership", "Partnership Plan 2013-2016",
                PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY, ON);
    }

    static PlanDrafted planDrafted() {
        return new PlanDrafted(PLAN, "Kettering Borough Community Safety Partnership", "Partnership Plan 2013-2016",
                PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY, ON);
    }

    static AddPriority addPriority() {
        return new AddPriority(PLAN, PRIORITY, "Anti-social behaviour", List.of("Safer Community Team"), ON, null);
    }

    static PriorityAdded priorityAdded() {
        return new PriorityAdded(PLAN, PRIORITY, "Anti-social behaviour", List.of("Safer Community Team"), ON);
    }

    static PriorityRetired priorityRetired() {
        return new PriorityRetired(PLAN, PRIORITY, "merged into Violence", ON);
    }

    static AddObjective addObjective() {
        return new AddObjective(PLAN, OBJECTIVE, PRIORITY, "Reduce the perception of anti-social behaviour",
                List.of("Fewer residents see ASB as a problem"), ON, null);
    }

    static ObjectiveAdded objectiveAdded() {
        return new ObjectiveAdded(PLAN, PRIORITY, OBJECTIVE, "Reduce the perception of anti-social behaviour",
                List.of("Fewer residents see ASB as a problem"), ON);
    }

    static final Baseline BASELINE =
            new Baseline(new BigDecimal("9.7"), "2012/13", "Police Local Survey", "9.7% (2012/2013 Police Local Survey)");
    static final Target TARGET = new Target(TargetKind.ABSOLUTE, new BigDecimal("9"), "Reduce to below 9%");

    static DefineIndicator defineIndicator() {
        return new DefineIndicator(PLAN, INDICATOR, OBJECTIVE, "Residents who see ASB as a problem", IndicatorUnit.PERCENT,
                Direction.REDUCE, BASELINE, TARGET, "0.7 points", PERIOD_END, "Safer Community Team", ON, null);
    }

    static IndicatorDefined indicatorDefined() {
        return new IndicatorDefined(PLAN, OBJECTIVE, INDICATOR, "Residents who see ASB as a problem", IndicatorUnit.PERCENT,
                Direction.REDUCE, BASELINE, TARGET, "0.7 points", PERIOD_END, "Safer Community Team", ON);
    }

    static RecordBoardMeeting recordBoardMeeting() {
        return new RecordBoardMeeting(PLAN, MEETING, LocalDate.of(2013, 6, 19), "CSP Board, June 2013", null);
    }

    static BoardMeetingRecorded boardMeetingRecorded() {
        return new BoardMeetingRecorded(PLAN, MEETING, LocalDate.of(2013, 6, 19), "CSP Board, June 2013",
                LocalDate.of(2013, 6, 19));
    }

    static PlanClosed planClosed() {
        return new PlanClosed(PLAN, "superseded by the 2016-2019 plan", ON);
    }

    // --- Action -------------------------------------------------------------------------------

    static AddAction addAction() {
        return addAction(OBJECTIVE, ACTION_START, ACTION_END, List.of(LEAD));
    }

    static AddAction addAction(String objectiveId, LocalDate start, LocalDate end, List<Lead> leads) {
        return new AddAction(PLAN, ACTION, objectiveId, "Target hardening of homes of repeat victims",
                List.of("Homes made secure"), List.of("Referrals received"), List.of("SLA with Care and Repair"),
                leads, List.of("Police", "Care and Repair"), start, end, List.of("Funding runs out"), ON, null);
    }

    static ActionAdded actionAdded() {
        return new ActionAdded(PLAN, OBJECTIVE, ACTION, "Target hardening of homes of repeat victims",
                List.of("Homes made secure"), List.of("Referrals received"), List.of("SLA with Care and Repair"),
                List.of(LEAD), List.of("Police", "Care and Repair"), ACTION_START, ACTION_END,
                List.of("Funding runs out"), ON);
    }

    static ActionRegistered actionRegistered() {
        return new ActionRegistered(PLAN, OBJECTIVE, ACTION, Rules.digest(actionAdded()), ON);
    }

    static RecordProgress recordProgress(String period) {
        return new RecordProgress(ACTION, NOTE, period,
                "Funding bid submitted to Police and Crime Commissioner successful. £17.7k awarded.", null);
    }

    static ProgressRecorded progressRecorded() {
        return new ProgressRecorded(PLAN, ACTION, NOTE, "2013-06",
                "Funding bid submitted to Police and Crime Commissioner successful. £17.7k awarded.",
                LocalDate.of(2013, 6, 1));
    }

    static ProgressNoteWithdrawn noteWithdrawn() {
        return new ProgressNoteWithdrawn(PLAN, ACTION, NOTE, "entered against the wrong action", ON);
    }

    static final FinancialYear FY_2013 = FinancialYear.parse("2013/14");

    static AllocateFunding allocateFunding(long pence) {
        return new AllocateFunding(ACTION, FUNDING, pence, "Police and Crime Commissioner", FY_2013, ON, null);
    }

    static FundingAllocated fundingAllocated() {
        return new FundingAllocated(PLAN, ACTION, FUNDING, 1_770_000, "Police and Crime Commissioner", FY_2013, ON);
    }

    static RecordSpend recordSpend(long pence) {
        return new RecordSpend(ACTION, SPEND, pence, "Care and Repair invoices, April-June", FY_2013, ON, null);
    }

    static SpendRecorded spendRecorded() {
        return new SpendRecorded(PLAN, ACTION, SPEND, 312_50, "Care and Repair invoices, April-June", FY_2013, ON);
    }

    static IdentifyRisk identifyRisk(int likelihood, int impact) {
        return new IdentifyRisk(ACTION, RISK, "Funding runs out", likelihood, impact, "John Kinloch",
                "Bid to the Police and Crime Commissioner", ON, null);
    }

    static RiskIdentified riskIdentified() {
        return new RiskIdentified(PLAN, ACTION, RISK, "Funding runs out", 4, 3, "John Kinloch",
                "Bid to the Police and Crime Commissioner", ON);
    }

    static RiskClosed riskClosed() {
        return new RiskClosed(PLAN, ACTION, RISK, "funding secured", ON);
    }

    static final LocalDate TALLY_FROM = LocalDate.of(2012, 4, 1);
    static final LocalDate TALLY_TO = LocalDate.of(2013, 3, 31);

    static TallyReferrals tallyReferrals(LocalDate from, LocalDate to, int count, long costPence) {
        return new TallyReferrals(ACTION, TALLY, from, to, count, costPence, "as reported in the 2013 plan", null, null);
    }

    static ReferralsTallied referralsTallied() {
        return new ReferralsTallied(PLAN, ACTION, TALLY, TALLY_FROM, TALLY_TO, 65, 1_094_300,
                "as reported in the 2013 plan", TALLY_TO);
    }

    static final LocalDate RECEIVED_ON = LocalDate.of(2013, 7, 2);

    static RecordReferral recordReferral() {
        return new RecordReferral(ACTION, REFERRAL, RECEIVED_ON, "Northamptonshire Police", "KBC-HH-0415",
                "repeat burglary victim", null);
    }

    static ReferralRecorded referralRecorded() {
        return new ReferralRecorded(PLAN, ACTION, REFERRAL, RECEIVED_ON, "Northamptonshire Police", "KBC-HH-0415",
                "repeat burglary victim", RECEIVED_ON);
    }

    static ReferralRegistered referralRegistered() {
        return new ReferralRegistered(PLAN, ACTION, REFERRAL, Rules.digest(referralRecorded()), RECEIVED_ON);
    }

    static ActionCompleted actionCompleted() {
        return new ActionCompleted(PLAN, ACTION, "SLA renewed as business as usual", ON);
    }

    static ActionCeased actionCeased() {
        return new ActionCeased(PLAN, ACTION, "no longer operating owing to costs", ON);
    }

    // --- Referral -----------------------------------------------------------------------------

    static ReferralAccepted referralAccepted() {
        return new ReferralAccepted(PLAN, ACTION, REFERRAL, ON);
    }

    static ReferralDeclined referralDeclined() {
        return new ReferralDeclined(PLAN, ACTION, REFERRAL, "outside the scheme's area", ON);
    }

    static ReferralClosed referralClosed() {
        return new ReferralClosed(PLAN, ACTION, REFERRAL, "locks and window alarms fitted", 125_71, ON);
    }
}
