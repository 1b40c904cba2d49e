package org.planledger.query;

import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A small plan in the shape of the Kettering 2013-16 plan: two actions with notes across
 * 2012-2014 (one corrected, one withdrawn, one imported late), RAG changes, an action ceased,
 * a reschedule, a lead change, an indicator read and rebaselined, funding, spend, a risk,
 * a tally and referral cases across financial years, two board meetings and a refresh.
 * Events are listed in the order they were recorded; the global sequence follows that order.
 */
final class KetteringScenario {

    static final String PLAN = "kettering-2013";
    static final String A1 = "asb-target-hardening";
    static final String A2 = "decc-energy-advice";
    static final Lead JO = new Lead("Jo Smith", "Northamptonshire Police", "lead1");
    static final Lead SAM = new Lead("Sam Patel", "Kettering Borough Council", "lead2");

    private KetteringScenario() {
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static TestLedger.Events events() {
        TestLedger.Events e = new TestLedger.Events();
        e.as("manager", "PLAN_MANAGER");
        e.add(new PlanDrafted(PLAN, "Kettering Borough Community Safety Partnership", "Community Safety Plan 2013-2016",
                d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY, d("2012-04-01")), "2012-04-02T09:00:00Z");
        e.add(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of("Kettering BC"), d("2012-04-01")));
        e.add(new ObjectiveAdded(PLAN, "asb", "asb-1", "Reduce ASB perception", List.of("Fewer people see ASB as a problem"), d("2012-04-01")));
        e.add(new IndicatorDefined(PLAN, "asb-1", "asb-perception", "Perception of ASB", IndicatorUnit.PERCENT, Direction.REDUCE,
                new Baseline(new BigDecimal("9.7"), "2012/13", "Police Local Survey", "9.7% (2012/2013 Police Local Survey)"),
                new Target(TargetKind.ABSOLUTE, new BigDecimal("9"), "Reduce to below 9%"), "0.7 points",
                d("2016-03-31"), "Police", d("2012-04-01")));
        e.add(new ActionRegistered(PLAN, "asb-1", A1, "digest-a1", d("2012-04-01")));
        e.add(new ActionAdded(PLAN, "asb-1", A1, "Target hardening for repeat victims", List.of("Homes secured"),
                List.of("Referrals"), List.of("£10k"), List.of(JO), List.of("Fire and Rescue"),
                d("2012-04-01"), d("2014-03-31"), List.of("Funding ends"), d("2012-04-01")));
        e.add(new ActionRegistered(PLAN, "asb-1", A2, "digest-a2", d("2012-04-01")));
        e.add(new ActionAdded(PLAN, "asb-1", A2, "DECC energy advice scheme", List.of(), List.of(), List.of(),
                List.of(SAM), List.of(), d("2012-06-01"), d("2013-03-31"), List.of(), d("2012-04-01")));

        e.as("lead1", "DELIVERY_LEAD");
        e.add(new ProgressRecorded(PLAN, A1, "n1", "2012-06", "Scheme launched with Fire and Rescue", d("2012-06-01")), "2012-06-20T10:00:00Z");
        e.add(new RagAssessed(PLAN, A1, RagStatus.AMBER, "PCC bid pending", d("2012-06-01")), "2012-06-20T10:05:00Z");

        e.as("lead2", "DELIVERY_LEAD");
        e.add(new ProgressRecorded(PLAN, A2, "n3", "2012-09", "Advice sessions held", d("2012-09-01")), "2012-09-15T09:00:00Z");
        e.add(new ProgressNoteWithdrawn(PLAN, A2, "n3", "Recorded against the wrong action", d("2012-10-01")), "2012-10-02T09:00:00Z");

        e.as("manager", "PLAN_MANAGER");
        e.add(new BoardMeetingRecorded(PLAN, "board-2012-11", d("2012-11-21"), "Partnership board", d("2012-11-21")), "2012-11-22T09:00:00Z");
        e.as("lead2", "DELIVERY_LEAD");
        e.add(new ActionCeased(PLAN, A2, "DECC no longer operating owing to costs", d("2013-02-01")), "2013-02-05T09:00:00Z");

        e.as("lead1", "DELIVERY_LEAD");
        e.add(new ReferralsTallied(PLAN, A1, "t1", d("2012-04-01"), d("2013-03-31"), 65, 1_094_300L,
                "65 referrals April 2012 - March 2013, total spend £10,943", d("2013-03-31")), "2013-04-10T09:00:00Z");
        e.add(new ReferralRecorded(PLAN, A1, "r1", d("2013-05-10"), "Police", "subj-1", "Repeat burglary victim", d("2013-05-10")), "2013-05-10T11:00:00Z");
        e.add(new ReferralAccepted(PLAN, A1, "r1", d("2013-05-12")), "2013-05-12T11:00:00Z");
        e.add(new ProgressRecorded(PLAN, A1, "n2", "2013-06", "Bid successful, £17.7k awarded", d("2013-06-01")), "2013-06-20T10:00:00Z");
        e.add(new RagAssessed(PLAN, A1, RagStatus.GREEN, "Funded", d("2013-06-01")), "2013-06-20T10:05:00Z");
        e.add(new FundingAllocated(PLAN, A1, "f1", 1_770_000L, "Police and Crime Commissioner", new FinancialYear(2013), d("2013-06-01")), "2013-06-20T10:10:00Z");
        e.add(new ReferralRecorded(PLAN, A1, "r2", d("2013-06-01"), "Housing", "subj-2", null, d("2013-06-01")), "2013-06-21T10:00:00Z");
        e.add(new ReferralDeclined(PLAN, A1, "r2", "Outside the borough", d("2013-06-03")), "2013-06-22T10:00:00Z");
        e.add(new ProgressNoteCorrected(PLAN, A1, "n2", "Bid successful, £17,700 awarded by the PCC", "Amount written in full",
                d("2013-07-15")), "2013-07-15T10:00:00Z");
        e.add(new ReferralClosed(PLAN, A1, "r1", "Locks fitted", 15_000L, d("2013-07-20")), "2013-07-20T10:00:00Z");
        e.add(new RiskIdentified(PLAN, A1, "risk1", "Contractor capacity", 3, 3, "Jo Smith", "Second contractor", d("2013-08-01")), "2013-08-01T10:00:00Z");

        e.as("manager", "PLAN_MANAGER");
        e.add(new ActionLeadsChanged(PLAN, A1, List.of(JO, SAM), "Council joins delivery", d("2013-09-01")), "2013-09-02T10:00:00Z");
        e.add(new BoardMeetingRecorded(PLAN, "board-2013-11", d("2013-11-20"), "Partnership board", d("2013-11-20")), "2013-11-21T09:00:00Z");

        e.as("lead1", "DELIVERY_LEAD");
        e.add(new RagAssessed(PLAN, A1, RagStatus.RED, "Contractor withdrew", d("2014-01-10")), "2014-01-10T10:00:00Z");
        e.add(new ActionRescheduled(PLAN, A1, d("2012-04-01"), d("2015-03-31"), "Extended after contractor change", d("2014-01-10")), "2014-01-10T10:05:00Z");
        e.add(new RiskReassessed(PLAN, A1, "risk1", 4, 4, "Jo Smith", "New framework contract", "Contractor withdrew", d("2014-01-10")), "2014-01-10T10:10:00Z");
        e.add(new ReferralRecorded(PLAN, A1, "r3", d("2014-02-01"), "Police", "subj-3", null, d("2014-02-01")), "2014-02-01T10:00:00Z");
        e.add(new ReferralAccepted(PLAN, A1, "r3", d("2014-02-02")), "2014-02-02T10:00:00Z");
        e.add(new SpendRecorded(PLAN, A1, "s1", 500_000L, "Locks and cameras", new FinancialYear(2013), d("2014-03-01")), "2014-03-01T10:00:00Z");

        e.as("manager", "PLAN_MANAGER");
        e.add(new IndicatorReadingRecorded(PLAN, "asb-perception", new BigDecimal("8.5"), "2013/14", "Police Local Survey", d("2014-03-31")), "2014-04-05T09:00:00Z");
        e.add(new PlanRefreshed(PLAN, "Refresh after the 2014 strategic assessment", d("2014-04-01")), "2014-04-10T09:00:00Z");
        e.add(new IndicatorRebaselined(PLAN, "asb-perception",
                new Baseline(new BigDecimal("8.5"), "2013/14", "Police Local Survey", "8.5% (2013/2014 Police Local Survey)"),
                new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("5"), "5% reduction"), "0.4 points",
                "Annual refresh", d("2014-04-01")), "2014-04-10T09:05:00Z");

        e.as("lead1", "DELIVERY_LEAD");
        e.add(new ReferralRecorded(PLAN, A1, "r4", d("2014-04-02"), "Fire and Rescue", "subj-4", null, d("2014-04-02")), "2014-04-12T10:00:00Z");
        e.add(new ReferralAccepted(PLAN, A1, "r4", d("2014-04-03")), "2014-04-13T10:00:00Z");
        e.add(new ReferralClosed(PLAN, A1, "r4", "Camera loaned", 20_000L, d("2014-04-20")), "2014-04-20T10:00:00Z");
        // Imported late: a September 2012 note the lead only typed in in May 2014.
        e.add(new ProgressRecorded(PLAN, A1, "n4", "2012-09", "Twelve homes secured since launch", d("2012-09-01")), "2014-05-01T10:00:00Z");
        return e;
    }
}
