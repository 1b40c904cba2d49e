package org.planledger.query.replay;

import org.planledger.events.*;
import org.planledger.query.plan.ActionView;
import org.planledger.query.api.LatestNote;
import org.planledger.query.plan.IndicatorView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.ObjectiveView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.ReferralCaseView;
import org.planledger.query.plan.RiskView;
import org.planledger.query.support.RecordedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says what an event changed by comparing the plan's state just before it with the state just
 * after it (both from {@link org.planledger.query.plan.PlanReducer}), so "before" is what the
 * journal says it was at that point, never a guess. Values are rendered as text for display.
 * The switches are exhaustive over the sealed event types: a new event must say what it changed.
 */
public final class ChangeDescriber {

    private ChangeDescriber() {
    }

    public static List<Change> describe(PlanView before, PlanView after, RecordedEvent recorded) {
        List<Change> changes = new ArrayList<>();
        switch (recorded.event()) {
            case PlanDrafted e -> changes.add(new Change("PLAN_DRAFTED", null, e.planId(), "title", null, e.title()));
            case PlanClosed e -> changes.add(new Change("PLAN_CLOSED", null, e.planId(), "closed", text(before.closed()), text(after.closed())));
            case PlanLabelledFictional e -> changes.add(new Change("PLAN_LABELLED_FICTIONAL", null, e.planId(), "fictional",
                    before.fictionNote(), after.fictionNote()));
            case PlanRefreshed e -> changes.add(new Change("PLAN_REFRESHED", null, e.planId(), "refresh", null, e.note()));
            case BoardMeetingRecorded e -> changes.add(new Change("BOARD_MEETING", null, e.meetingId(), "boardMeeting", null,
                    e.heldOn() + " " + e.title()));
            case BoardPackIssued e -> changes.add(new Change("BOARD_PACK_ISSUED", null, e.packId(), "boardPack", null,
                    "as at " + e.asAt() + ", PDF SHA-256 " + e.pdfSha256()));
            case UpdateApprovalRequired e -> { } // a setting of how updates arrive, not of the plan; the audit trail lists it
            case PriorityAdded e -> changes.add(new Change("PRIORITY_ADDED", null, e.priorityId(), "title", null, e.title()));
            case PriorityRevised e -> priorityRevised(changes, before, after, e);
            case PriorityRetired e -> changes.add(new Change("PRIORITY_RETIRED", null, e.priorityId(), "retired", "false", "true"));
            case ObjectiveAdded e -> changes.add(new Change("OBJECTIVE_ADDED", null, e.objectiveId(), "title", null, e.title()));
            case ObjectiveRevised e -> objectiveRevised(changes, before, after, e);
            // the retirement's own reason is kept as a change too: an import's audit reason names only the file
            case ObjectiveRetired e -> {
                changes.add(new Change("OBJECTIVE_RETIRED", null, e.objectiveId(), "retired",
                        before.objective(e.objectiveId()).map(o -> text(o.retired())).orElse(null), "true"));
                changes.add(new Change("OBJECTIVE_RETIRED", null, e.objectiveId(), "retiredBecause", null, e.reason()));
            }
            case IndicatorRetired e -> {
                changes.add(new Change("INDICATOR_RETIRED", null, e.indicatorId(), "retired",
                        before.indicator(e.indicatorId()).map(i -> text(i.retired())).orElse(null), "true"));
                changes.add(new Change("INDICATOR_RETIRED", null, e.indicatorId(), "retiredBecause", null, e.reason()));
            }
            case IndicatorReadingCorrected e -> readingCorrected(changes, before, after, e);
            case IndicatorDefined e -> changes.add(new Change("INDICATOR_ADDED", null, e.indicatorId(), "name", null, e.name()));
            case IndicatorRebaselined e -> indicatorRebaselined(changes, before, after, e);
            // the reading itself: an earlier period's figure or a peer's does not move the latest, yet it is news
            case IndicatorReadingRecorded e -> changes.add(new Change("INDICATOR_READING", null, e.indicatorId(),
                    e.peer() ? "peerReading" : "reading", null, e.value() + " (" + e.period() + ")"));
            case PlanMemberRecorded e -> changes.add(new Change(before.members().stream()
                    .anyMatch(m -> m.memberId().equals(e.memberId())) ? "MEMBER_REVISED" : "MEMBER_RECORDED", null,
                    e.memberId(), "member", null, member(e)));
            case IndicatorLinked e -> changes.add(new Change("INDICATOR_LINKED", null, e.indicatorId(), "objective", null,
                    e.objectiveId()));
            case IndicatorSeriesBroken e -> changes.add(new Change("SERIES_BROKEN", null, e.indicatorId(), "seriesBreak",
                    null, e.breakOn() + ": " + e.reason()));
            case ActionRegistered e -> { } // the write side's bookkeeping; the action's own ActionAdded is described
            case ActionAdded e -> changes.add(new Change("ACTION_ADDED", e.actionId(), null, "title", null, e.title()));
            case ActionEvent e -> describeAction(changes, before.action(e.actionId()), after.action(e.actionId()), e);
        }
        return changes;
    }

    private static void priorityRevised(List<Change> changes, PlanView before, PlanView after, PriorityRevised e) {
        Optional<PriorityView> was = before.priority(e.priorityId());
        Optional<PriorityView> now = after.priority(e.priorityId());
        field(changes, "PRIORITY_REVISED", null, e.priorityId(), "title", was.map(PriorityView::title), now.map(PriorityView::title));
        field(changes, "PRIORITY_REVISED", null, e.priorityId(), "leads", was.map(p -> String.join("; ", p.leads())),
                now.map(p -> String.join("; ", p.leads())));
    }

    private static void objectiveRevised(List<Change> changes, PlanView before, PlanView after, ObjectiveRevised e) {
        Optional<ObjectiveView> was = before.objective(e.objectiveId());
        Optional<ObjectiveView> now = after.objective(e.objectiveId());
        field(changes, "OBJECTIVE_REVISED", null, e.objectiveId(), "title", was.map(ObjectiveView::title), now.map(ObjectiveView::title));
        field(changes, "OBJECTIVE_REVISED", null, e.objectiveId(), "outcomes", was.map(o -> String.join("; ", o.outcomes())),
                now.map(o -> String.join("; ", o.outcomes())));
    }

    /** Before and after of each figure the correction changed, named by the reading's period. */
    private static void readingCorrected(List<Change> changes, PlanView before, PlanView after, IndicatorReadingCorrected e) {
        Optional<ReadingView> was = before.indicator(e.indicatorId()).flatMap(i -> reading(i, e.readingId()));
        Optional<ReadingView> now = after.indicator(e.indicatorId()).flatMap(i -> reading(i, e.readingId()));
        String period = now.or(() -> was).map(r -> " (" + r.period() + ")").orElse("");
        field(changes, "READING_CORRECTED", null, e.indicatorId(), "reading" + period,
                was.map(r -> r.value().toPlainString()), now.map(r -> r.value().toPlainString()));
        field(changes, "READING_CORRECTED", null, e.indicatorId(), "cost" + period,
                was.map(r -> r.costPence() == null ? null : pence(r.costPence())),
                now.map(r -> r.costPence() == null ? null : pence(r.costPence())));
        field(changes, "READING_CORRECTED", null, e.indicatorId(), "note" + period,
                was.map(ReadingView::note), now.map(ReadingView::note));
    }

    private static Optional<ReadingView> reading(IndicatorView indicator, String readingId) {
        return indicator.readings().stream().filter(r -> readingId.equals(r.readingId())).findFirst();
    }

    private static void indicatorRebaselined(List<Change> changes, PlanView before, PlanView after, IndicatorRebaselined e) {
        Optional<IndicatorView> was = before.indicator(e.indicatorId());
        Optional<IndicatorView> now = after.indicator(e.indicatorId());
        field(changes, "BASELINE_CHANGED", null, e.indicatorId(), "baseline", was.map(i -> baseline(i.baseline())), now.map(i -> baseline(i.baseline())));
        field(changes, "TARGET_CHANGED", null, e.indicatorId(), "target", was.map(i -> target(i.target())), now.map(i -> target(i.target())));
        field(changes, "TARGET_CHANGED", null, e.indicatorId(), "changeRequired", was.map(IndicatorView::changeRequired), now.map(IndicatorView::changeRequired));
    }

    private static void describeAction(List<Change> changes, Optional<ActionView> was, Optional<ActionView> now, ActionEvent event) {
        String actionId = event.actionId();
        switch (event) {
            case ActionAdded e -> { } // described by the plan-level switch, as the action did not exist before it
            case ActionRescheduled e -> {
                field(changes, "DATES_CHANGED", actionId, null, "startDate", was.map(a -> text(a.startDate())), now.map(a -> text(a.startDate())));
                field(changes, "DATES_CHANGED", actionId, null, "endDate", was.map(a -> text(a.endDate())), now.map(a -> text(a.endDate())));
            }
            case ActionLeadsChanged e -> field(changes, "LEADS_CHANGED", actionId, null, "leads",
                    was.map(a -> leads(a.leads())), now.map(a -> leads(a.leads())));
            case ActionDetailsRevised e -> detailsRevised(changes, actionId, was, now);
            case ActionCompleted e -> statusChanged(changes, "ACTION_COMPLETED", actionId, was, now);
            case ActionCeased e -> statusChanged(changes, "ACTION_CEASED", actionId, was, now);
            case ActionReopened e -> statusChanged(changes, "ACTION_REOPENED", actionId, was, now);
            // A re-rating with the same colour still matters to the board (a new reason), so always say it.
            case RagAssessed e -> changes.add(new Change("RAG_CHANGED", actionId, null, "rag", was.map(a -> text(a.rag())).orElse(null), text(e.rag())));
            case ProgressRecorded e -> changes.add(new Change("NOTE_ADDED", actionId, e.noteId(), "note", null, e.period() + ": "
                    + e.text() + (LatestNote.quantity(e.achieved(), e.planned()) == null ? ""
                    : " (" + LatestNote.quantity(e.achieved(), e.planned()) + ")")));
            case ProgressNoteCorrected e -> changes.add(new Change("NOTE_CORRECTED", actionId, e.noteId(), "text",
                    was.flatMap(a -> note(a, e.noteId())).map(NoteView::text).orElse(null), e.text()));
            case ProgressNoteWithdrawn e -> changes.add(new Change("NOTE_WITHDRAWN", actionId, e.noteId(), "withdrawn",
                    was.flatMap(a -> note(a, e.noteId())).map(n -> text(n.withdrawn())).orElse(null), "true"));
            case FundingAllocated e -> field(changes, "FUNDING_ALLOCATED", actionId, e.fundingId(), "funding " + e.financialYear(),
                    was.map(a -> pence(a.totalsFor(e.financialYear()).fundingPence())),
                    now.map(a -> pence(a.totalsFor(e.financialYear()).fundingPence())));
            case SpendRecorded e -> field(changes, "SPEND_RECORDED", actionId, e.spendId(), "spend " + e.financialYear(),
                    was.map(a -> pence(a.totalsFor(e.financialYear()).spendPence())),
                    now.map(a -> pence(a.totalsFor(e.financialYear()).spendPence())));
            case RiskIdentified e -> changes.add(new Change("RISK_IDENTIFIED", actionId, e.riskId(), "risk", null,
                    risk(e.likelihood(), e.impact(), e.description())));
            case RiskReassessed e -> riskReassessed(changes, actionId, was, now, e);
            case RiskClosed e -> changes.add(new Change("RISK_CLOSED", actionId, e.riskId(), "open", "true", "false"));
            case ReferralsTallied e -> changes.add(new Change("REFERRALS_TALLIED", actionId, e.tallyId(),
                    "referrals " + e.periodFrom() + ".." + e.periodTo(), null, e.count() + " referrals, " + (e.totalCostPence() == null ? "cost unknown" : pence(e.totalCostPence()))));
            case ReferralRegistered e -> { } // the write side's bookkeeping; the case's own ReferralRecorded is described
            // submitted, approved or returned updates are not changes to the plan: an approved one is
            // described by the ProgressRecorded or RagAssessed that follows its approval
            case UpdateApprovalSet e -> { }
            case ProgressSubmitted e -> { }
            case ProgressApproved e -> { }
            case ProgressReturned e -> { }
            case UpdateReminderSent e -> { } // not a change to the plan: the audit trail lists it by its label
            case ReferralRecorded e -> referralStatus(changes, "REFERRAL_RECORDED", e, was, now, "");
            case ReferralAccepted e -> referralStatus(changes, "REFERRAL_ACCEPTED", e, was, now, "");
            case ReferralDeclined e -> referralStatus(changes, "REFERRAL_DECLINED", e, was, now, "");
            case ReferralClosed e -> referralStatus(changes, "REFERRAL_CLOSED", e, was, now, " (" + pence(e.costPence()) + ")");
            case ReferralSubjectErased e -> changes.add(new Change("SUBJECT_ERASED", e.actionId(), e.referralId(),
                    "subject data", null, "erased (" + e.rule() + ")"));
        }
    }

    private static void detailsRevised(List<Change> changes, String actionId, Optional<ActionView> was, Optional<ActionView> now) {
        field(changes, "DETAILS_REVISED", actionId, null, "title", was.map(ActionView::title), now.map(ActionView::title));
        field(changes, "DETAILS_REVISED", actionId, null, "outputs", was.map(a -> String.join("; ", a.outputs())), now.map(a -> String.join("; ", a.outputs())));
        field(changes, "DETAILS_REVISED", actionId, null, "resources", was.map(a -> String.join("; ", a.resources())), now.map(a -> String.join("; ", a.resources())));
        field(changes, "DETAILS_REVISED", actionId, null, "partners", was.map(a -> String.join("; ", a.partners())), now.map(a -> String.join("; ", a.partners())));
    }

    private static void statusChanged(List<Change> changes, String kind, String actionId, Optional<ActionView> was,
                                      Optional<ActionView> now) {
        field(changes, kind, actionId, null, "status", was.map(a -> text(a.status())), now.map(a -> text(a.status())));
    }

    private static void riskReassessed(List<Change> changes, String actionId, Optional<ActionView> was,
                                       Optional<ActionView> now, RiskReassessed e) {
        field(changes, "RISK_REASSESSED", actionId, e.riskId(), "likelihood x impact",
                was.flatMap(a -> risk(a, e.riskId())).map(r -> r.likelihood() + "x" + r.impact()),
                now.flatMap(a -> risk(a, e.riskId())).map(r -> r.likelihood() + "x" + r.impact()));
        field(changes, "RISK_REASSESSED", actionId, e.riskId(), "owner",
                was.flatMap(a -> risk(a, e.riskId())).map(RiskView::owner), now.flatMap(a -> risk(a, e.riskId())).map(RiskView::owner));
        field(changes, "RISK_REASSESSED", actionId, e.riskId(), "mitigation",
                was.flatMap(a -> risk(a, e.riskId())).map(RiskView::mitigation), now.flatMap(a -> risk(a, e.riskId())).map(RiskView::mitigation));
    }

    /** A referral case's status before and after, with what closing it cost where it was closed. */
    private static void referralStatus(List<Change> changes, String kind, ReferralEvent e, Optional<ActionView> was,
                                       Optional<ActionView> now, String suffix) {
        changes.add(new Change(kind, e.actionId(), e.referralId(), "status",
                was.flatMap(a -> referral(a, e.referralId())).map(r -> text(r.status())).orElse(null),
                now.flatMap(a -> referral(a, e.referralId())).map(r -> text(r.status())).orElse(null) + suffix));
    }

    /** Adds a change only when the value really changed. */
    private static void field(List<Change> changes, String kind, String actionId, String subjectId, String field,
                              Optional<String> before, Optional<String> after) {
        String was = before.orElse(null);
        String now = after.orElse(null);
        if (!Objects.equals(was, now)) {
            changes.add(new Change(kind, actionId, subjectId, field, was, now));
        }
    }

    private static Optional<NoteView> note(ActionView action, String noteId) {
        return action.notes().stream().filter(n -> n.noteId().equals(noteId)).findFirst();
    }

    private static Optional<RiskView> risk(ActionView action, String riskId) {
        return action.risks().stream().filter(r -> r.riskId().equals(riskId)).findFirst();
    }

    private static Optional<ReferralCaseView> referral(ActionView action, String referralId) {
        return action.referralCases().stream().filter(r -> r.referralId().equals(referralId)).findFirst();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String leads(List<Lead> leads) {
        return leads.stream().map(l -> l.organisation() == null ? l.name() : l.name() + " (" + l.organisation() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String member(PlanMemberRecorded e) {
        String who = e.name() == null ? e.organisation() : e.organisation() == null ? e.name() : e.name() + ", " + e.organisation();
        return who + (e.role() == null ? "" : " (" + e.role() + ")")
                + (e.from() == null ? "" : " from " + e.from()) + (e.to() == null ? "" : " to " + e.to());
    }

    private static String baseline(Baseline baseline) {
        if (baseline == null) return null;
        return baseline.text() != null ? baseline.text() : baseline.value() + " (" + baseline.period() + ")";
    }

    private static String target(Target target) {
        if (target == null) return null;
        return target.text() != null ? target.text() : target.kind() + " " + target.value();
    }

    private static String risk(int likelihood, int impact, String description) {
        return likelihood + "x" + impact + " " + description;
    }

    static String pence(long pence) {
        return String.format("£%d.%02d", pence / 100, Math.abs(pence % 100));
    }
}
