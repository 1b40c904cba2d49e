package org.planledger.query.replay;

import org.planledger.events.*;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.IndicatorView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.ObjectiveView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
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
 */
public final class ChangeDescriber {

    private ChangeDescriber() {
    }

    public static List<Change> describe(PlanView before, PlanView after, RecordedEvent recorded) {
        List<Change> changes = new ArrayList<>();
        PlanLedgerEvent event = recorded.event();
        if (event instanceof PlanDrafted e) {
            changes.add(new Change("PLAN_DRAFTED", null, e.planId(), "title", null, e.title()));
        } else if (event instanceof PlanClosed e) {
            changes.add(new Change("PLAN_CLOSED", null, e.planId(), "closed", text(before.closed()), text(after.closed())));
        } else if (event instanceof PlanRefreshed e) {
            changes.add(new Change("PLAN_REFRESHED", null, e.planId(), "refresh", null, e.note()));
        } else if (event instanceof BoardMeetingRecorded e) {
            changes.add(new Change("BOARD_MEETING", null, e.meetingId(), "boardMeeting", null, e.heldOn() + " " + e.title()));
        } else if (event instanceof PriorityAdded e) {
            changes.add(new Change("PRIORITY_ADDED", null, e.priorityId(), "title", null, e.title()));
        } else if (event instanceof PriorityRevised e) {
            Optional<PriorityView> was = before.priority(e.priorityId());
            Optional<PriorityView> now = after.priority(e.priorityId());
            field(changes, "PRIORITY_REVISED", null, e.priorityId(), "title", was.map(PriorityView::title), now.map(PriorityView::title));
            field(changes, "PRIORITY_REVISED", null, e.priorityId(), "leads", was.map(p -> String.join("; ", p.leads())),
                    now.map(p -> String.join("; ", p.leads())));
        } else if (event instanceof PriorityRetired e) {
            changes.add(new Change("PRIORITY_RETIRED", null, e.priorityId(), "retired", "false", "true"));
        } else if (event instanceof ObjectiveAdded e) {
            changes.add(new Change("OBJECTIVE_ADDED", null, e.objectiveId(), "title", null, e.title()));
        } else if (event instanceof ObjectiveRevised e) {
            Optional<ObjectiveView> was = before.objective(e.objectiveId());
            Optional<ObjectiveView> now = after.objective(e.objectiveId());
            field(changes, "OBJECTIVE_REVISED", null, e.objectiveId(), "title", was.map(ObjectiveView::title), now.map(ObjectiveView::title));
            field(changes, "OBJECTIVE_REVISED", null, e.objectiveId(), "outcomes", was.map(o -> String.join("; ", o.outcomes())),
                    now.map(o -> String.join("; ", o.outcomes())));
        } else if (event instanceof IndicatorDefined e) {
            changes.add(new Change("INDICATOR_ADDED", null, e.indicatorId(), "name", null, e.name()));
        } else if (event instanceof IndicatorRebaselined e) {
            Optional<IndicatorView> was = before.indicator(e.indicatorId());
            Optional<IndicatorView> now = after.indicator(e.indicatorId());
            field(changes, "BASELINE_CHANGED", null, e.indicatorId(), "baseline", was.map(i -> baseline(i.baseline())), now.map(i -> baseline(i.baseline())));
            field(changes, "TARGET_CHANGED", null, e.indicatorId(), "target", was.map(i -> target(i.target())), now.map(i -> target(i.target())));
            field(changes, "TARGET_CHANGED", null, e.indicatorId(), "changeRequired", was.map(IndicatorView::changeRequired), now.map(IndicatorView::changeRequired));
        } else if (event instanceof IndicatorReadingRecorded e) {
            field(changes, "INDICATOR_READING", null, e.indicatorId(), "latestReading",
                    before.indicator(e.indicatorId()).map(i -> reading(i)), after.indicator(e.indicatorId()).map(i -> reading(i)));
        } else if (event instanceof ActionAdded e) {
            changes.add(new Change("ACTION_ADDED", e.actionId(), null, "title", null, e.title()));
        } else if (event instanceof ActionEvent e) {
            describeAction(changes, before.action(e.actionId()), after.action(e.actionId()), recorded);
        }
        return changes;
    }

    private static void describeAction(List<Change> changes, Optional<ActionView> was, Optional<ActionView> now,
                                       RecordedEvent recorded) {
        PlanLedgerEvent event = recorded.event();
        String actionId = ((ActionEvent) event).actionId();
        if (event instanceof ActionRescheduled) {
            field(changes, "DATES_CHANGED", actionId, null, "startDate", was.map(a -> text(a.startDate())), now.map(a -> text(a.startDate())));
            field(changes, "DATES_CHANGED", actionId, null, "endDate", was.map(a -> text(a.endDate())), now.map(a -> text(a.endDate())));
        } else if (event instanceof ActionLeadsChanged) {
            field(changes, "LEADS_CHANGED", actionId, null, "leads", was.map(a -> leads(a.leads())), now.map(a -> leads(a.leads())));
        } else if (event instanceof ActionDetailsRevised) {
            field(changes, "DETAILS_REVISED", actionId, null, "title", was.map(ActionView::title), now.map(ActionView::title));
            field(changes, "DETAILS_REVISED", actionId, null, "outputs", was.map(a -> String.join("; ", a.outputs())), now.map(a -> String.join("; ", a.outputs())));
            field(changes, "DETAILS_REVISED", actionId, null, "resources", was.map(a -> String.join("; ", a.resources())), now.map(a -> String.join("; ", a.resources())));
            field(changes, "DETAILS_REVISED", actionId, null, "partners", was.map(a -> String.join("; ", a.partners())), now.map(a -> String.join("; ", a.partners())));
        } else if (event instanceof ActionCompleted) {
            field(changes, "ACTION_COMPLETED", actionId, null, "status", was.map(a -> text(a.status())), now.map(a -> text(a.status())));
        } else if (event instanceof ActionCeased) {
            field(changes, "ACTION_CEASED", actionId, null, "status", was.map(a -> text(a.status())), now.map(a -> text(a.status())));
        } else if (event instanceof ActionReopened) {
            field(changes, "ACTION_REOPENED", actionId, null, "status", was.map(a -> text(a.status())), now.map(a -> text(a.status())));
        } else if (event instanceof RagAssessed e) {
            // A re-rating with the same colour still matters to the board (a new reason), so always say it.
            changes.add(new Change("RAG_CHANGED", actionId, null, "rag", was.map(a -> text(a.rag())).orElse(null), text(e.rag())));
        } else if (event instanceof ProgressRecorded e) {
            changes.add(new Change("NOTE_ADDED", actionId, e.noteId(), "note", null, e.period() + ": " + e.text()));
        } else if (event instanceof ProgressNoteCorrected e) {
            changes.add(new Change("NOTE_CORRECTED", actionId, e.noteId(), "text",
                    was.flatMap(a -> note(a, e.noteId())).map(NoteView::text).orElse(null), e.text()));
        } else if (event instanceof ProgressNoteWithdrawn e) {
            changes.add(new Change("NOTE_WITHDRAWN", actionId, e.noteId(), "withdrawn",
                    was.flatMap(a -> note(a, e.noteId())).map(n -> text(n.withdrawn())).orElse(null), "true"));
        } else if (event instanceof FundingAllocated e) {
            field(changes, "FUNDING_ALLOCATED", actionId, e.fundingId(), "funding " + e.financialYear(),
                    was.map(a -> pence(a.totalsFor(e.financialYear()).fundingPence())),
                    now.map(a -> pence(a.totalsFor(e.financialYear()).fundingPence())));
        } else if (event instanceof SpendRecorded e) {
            field(changes, "SPEND_RECORDED", actionId, e.spendId(), "spend " + e.financialYear(),
                    was.map(a -> pence(a.totalsFor(e.financialYear()).spendPence())),
                    now.map(a -> pence(a.totalsFor(e.financialYear()).spendPence())));
        } else if (event instanceof RiskIdentified e) {
            changes.add(new Change("RISK_IDENTIFIED", actionId, e.riskId(), "risk", null, risk(e.likelihood(), e.impact(), e.description())));
        } else if (event instanceof RiskReassessed e) {
            field(changes, "RISK_REASSESSED", actionId, e.riskId(), "likelihood x impact",
                    was.flatMap(a -> risk(a, e.riskId())).map(r -> r.likelihood() + "x" + r.impact()),
                    now.flatMap(a -> risk(a, e.riskId())).map(r -> r.likelihood() + "x" + r.impact()));
            field(changes, "RISK_REASSESSED", actionId, e.riskId(), "owner",
                    was.flatMap(a -> risk(a, e.riskId())).map(RiskView::owner), now.flatMap(a -> risk(a, e.riskId())).map(RiskView::owner));
            field(changes, "RISK_REASSESSED", actionId, e.riskId(), "mitigation",
                    was.flatMap(a -> risk(a, e.riskId())).map(RiskView::mitigation), now.flatMap(a -> risk(a, e.riskId())).map(RiskView::mitigation));
        } else if (event instanceof RiskClosed e) {
            changes.add(new Change("RISK_CLOSED", actionId, e.riskId(), "open", "true", "false"));
        } else if (event instanceof ReferralsTallied e) {
            changes.add(new Change("REFERRALS_TALLIED", actionId, e.tallyId(), "referrals " + e.periodFrom() + ".." + e.periodTo(),
                    null, e.count() + " referrals, " + pence(e.totalCostPence())));
        } else if (event instanceof ReferralEvent e && !(event instanceof ReferralRegistered)) {
            String kind = "REFERRAL_" + event.getClass().getSimpleName().replace("Referral", "").toUpperCase();
            String cost = event instanceof ReferralClosed closed ? " (" + pence(closed.costPence()) + ")" : "";
            changes.add(new Change(kind, actionId, e.referralId(), "status",
                    was.flatMap(a -> referral(a, e.referralId())).map(r -> text(r.status())).orElse(null),
                    now.flatMap(a -> referral(a, e.referralId())).map(r -> text(r.status())).orElse(null) + cost));
        }
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

    private static String baseline(Baseline baseline) {
        if (baseline == null) return null;
        return baseline.text() != null ? baseline.text() : baseline.value() + " (" + baseline.period() + ")";
    }

    private static String target(Target target) {
        if (target == null) return null;
        return target.text() != null ? target.text() : target.kind() + " " + target.value();
    }

    private static String reading(IndicatorView indicator) {
        return indicator.latestReading() == null ? null
                : indicator.latestReading().value() + " (" + indicator.latestReading().period() + ")";
    }

    private static String risk(int likelihood, int impact, String description) {
        return likelihood + "x" + impact + " " + description;
    }

    static String pence(long pence) {
        return String.format("£%d.%02d", pence / 100, Math.abs(pence % 100));
    }
}
