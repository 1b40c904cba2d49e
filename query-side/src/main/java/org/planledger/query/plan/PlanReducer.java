package org.planledger.query.plan;

import org.axonframework.eventhandling.EventMessage;
import org.planledger.events.*;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.planledger.query.plan.PlanView.plus;
import static org.planledger.query.plan.PlanView.replacing;
import static org.planledger.query.plan.PlanView.upserting;

/**
 * The one fold from events to a plan's state: {@code PlanView apply(PlanView, event)}. Pure: no
 * I/O and no clock, so the live board, replays "as at" a date, diffs and the audit trail's
 * "before" values cannot disagree.
 *
 * <p>An event about something the view does not (yet) hold, such as a note for an action whose
 * {@link ActionAdded} is effective later than the replay date, is left out: it cannot be placed in
 * the tree, and the replay then honestly shows the plan as it stood. Bookkeeping events that only
 * the write side needs ({@link ActionRegistered}, {@link ReferralRegistered}) change nothing.
 *
 * <p>Order. Replays fold in global sequence order; the live board folds in delivery order, where an
 * event the JDBC store committed late arrives after events with higher sequences. Both give the
 * same view because every order-sensitive part of the fold is fed by a single aggregate's stream,
 * which is always delivered in sequence order (its next event is written only after the previous
 * one committed): the plan's own stream (header, priorities, objectives, indicators and their
 * latest reading, meetings, refreshes, and the order of the actions list, since each
 * {@link ActionAdded} is written with the plan's {@link ActionRegistered}); an action's stream
 * (its fields, status, RAG, notes and so the latest note, risks, and the order of its referral
 * cases, since each {@link ReferralRecorded} is written with the action's {@link ReferralRegistered});
 * a referral's stream (its status). Where several aggregates meet, the fold adds up (year totals,
 * referral costs) and keeps years in year order. Events from different aggregates are independent,
 * so one arriving late changes nothing but its own part.
 *
 * <p>Both switches are exhaustive over the sealed event types, with no default: a new event must be
 * given its place here before the project compiles.
 */
public final class PlanReducer {

    private PlanReducer() {
    }

    public static PlanView apply(PlanView view, EventMessage<?> message) {
        return apply(view, RecordedEvent.of(message));
    }

    public static PlanView apply(PlanView view, PlanLedgerEvent event, AuditInfo audit, Instant recordedAt) {
        return apply(view, new RecordedEvent(null, null, null, null, null, recordedAt, audit, event));
    }

    public static PlanView fold(String planId, Iterable<RecordedEvent> events) {
        PlanView view = PlanView.empty(planId);
        for (RecordedEvent event : events) {
            view = apply(view, event);
        }
        return view;
    }

    public static PlanView apply(PlanView view, RecordedEvent recorded) {
        PlanLedgerEvent event = recorded.event();
        PlanView plan = view == null ? PlanView.empty(event.planId()) : view;
        return switch (event) {
            // ---- the plan's own stream
            case PlanDrafted e -> plan.withHeader(e.partnership(), e.title(), e.periodStart(), e.periodEnd(), e.cadence());
            case PlanClosed e -> plan.withClosed(e.reason(), e.effectiveOn());
            case PlanLabelledFictional e -> plan.withFictionNote(e.note());
            case PlanRefreshed e -> plan.withRefreshes(plus(plan.refreshes(), new RefreshView(e.effectiveOn(), e.note())));
            // the pack reports on the plan and changes nothing in it; BoardPackQueries lists the packs
            case BoardPackIssued e -> plan;
            // whether updates wait for approval changes nothing shown: only approved notes and ratings are folded
            case UpdateApprovalRequired e -> plan;
            case BoardMeetingRecorded e -> plan.withBoardMeetings(upserting(plan.boardMeetings(),
                    m -> m.meetingId().equals(e.meetingId()), m -> new BoardMeetingView(e.meetingId(), e.heldOn(), e.title())));
            case PriorityAdded e -> plan.withPriorities(upserting(plan.priorities(), p -> p.priorityId().equals(e.priorityId()),
                    p -> new PriorityView(e.priorityId(), e.title(), e.leads(), false, null, e.focus())));
            case PriorityRevised e -> plan.withPriorities(replacing(plan.priorities(), p -> p.priorityId().equals(e.priorityId()),
                    p -> new PriorityView(p.priorityId(), e.title(), e.leads(), p.retired(), p.retiredReason(), e.focus())));
            case PriorityRetired e -> plan.withPriorities(replacing(plan.priorities(), p -> p.priorityId().equals(e.priorityId()),
                    p -> new PriorityView(p.priorityId(), p.title(), p.leads(), true, e.reason(), p.focus())));
            case ObjectiveAdded e -> plan.withObjectives(upserting(plan.objectives(), o -> o.objectiveId().equals(e.objectiveId()),
                    o -> new ObjectiveView(e.objectiveId(), e.priorityId(), e.title(), e.outcomes())));
            case ObjectiveRevised e -> plan.withObjectives(replacing(plan.objectives(), o -> o.objectiveId().equals(e.objectiveId()),
                    o -> new ObjectiveView(o.objectiveId(), o.priorityId(), e.title(), e.outcomes(), o.retired(), o.retiredReason())));
            case ObjectiveRetired e -> plan.withObjectives(replacing(plan.objectives(), o -> o.objectiveId().equals(e.objectiveId()),
                    o -> o.retire(e.reason())));
            case IndicatorRetired e -> plan.withIndicators(replacing(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                    i -> i.retire(e.reason())));
            case IndicatorReadingCorrected e -> readingCorrected(plan, e);
            case IndicatorDefined e -> indicatorDefined(plan, e);
            case IndicatorRebaselined e -> indicatorRebaselined(plan, e);
            case IndicatorReadingRecorded e -> indicatorRead(plan, e);
            case IndicatorSeriesBroken e -> seriesBroken(plan, e);
            case PlanMemberRecorded e -> plan.withMembers(upserting(plan.members(), m -> m.memberId().equals(e.memberId()),
                    m -> new MemberView(e.memberId(), e.name(), e.organisation(), e.role(), e.from(), e.to())));
            case IndicatorLinked e -> plan.withIndicators(replacing(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                    i -> i.belongsTo(e.objectiveId()) ? i : i.withLinkedObjectiveIds(plus(i.linkedObjectiveIds(), e.objectiveId()))));
            case ActionRegistered e -> plan; // the write side's bookkeeping: the action arrives as its ActionAdded
            // ---- an action's stream and its referral cases
            case ActionAdded e -> actionAdded(plan, e);
            case ActionEvent e -> plan.action(e.actionId()).isEmpty() ? plan
                    : plan.withActions(replacing(plan.actions(), a -> a.actionId().equals(e.actionId()),
                    a -> applyToAction(a, e, recorded)));
        };
    }

    private static PlanView indicatorDefined(PlanView plan, IndicatorDefined e) {
        return plan.withIndicators(upserting(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                i -> new IndicatorView(e.indicatorId(), e.objectiveId(), e.name(), e.unit(), e.direction(),
                        e.baseline(), e.target(), e.changeRequired(), e.dueOn(), e.lead(), null, 0, List.of(),
                        e.priorityId(), List.of(), List.of(), false, null)));
    }

    /** The reading keeps its place in the series; its figures are the corrected ones, the original is kept. */
    private static PlanView readingCorrected(PlanView plan, IndicatorReadingCorrected e) {
        return plan.withIndicators(replacing(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                i -> i.withReadings(i.readings().stream().map(r -> e.readingId().equals(r.readingId())
                        ? r.corrected(e.value(), e.costPence(), e.note()) : r).toList())));
    }

    private static PlanView indicatorRebaselined(PlanView plan, IndicatorRebaselined e) {
        return plan.withIndicators(replacing(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                i -> i.withDefinition(e.baseline(), e.target() != null ? e.target() : i.target(),
                        e.changeRequired() != null ? e.changeRequired() : i.changeRequired())));
    }

    /**
     * Every reading is kept, in period order, so a board can show a trend and a replay the series as
     * it stood. A reading dated before a series break already recorded is on the old basis.
     */
    private static PlanView indicatorRead(PlanView plan, IndicatorReadingRecorded e) {
        ReadingView read = new ReadingView(e.readingId(), e.value(), e.costPence(), e.period(), e.note(), e.source(),
                e.series(), e.effectiveOn(), false);
        return plan.withIndicators(replacing(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()), i -> {
            if (e.readingId() != null && i.readings().stream().anyMatch(r -> e.readingId().equals(r.readingId()))) {
                return i;
            }
            boolean oldBasis = i.seriesBreaks().stream().anyMatch(b -> read.readingDate().isBefore(b.breakOn()));
            return i.withReadings(plus(i.readings(), oldBasis ? read.onOldBasis() : read));
        }));
    }

    /** Readings dated before the break were counted the old way: marked, kept, never compared with newer ones. */
    private static PlanView seriesBroken(PlanView plan, IndicatorSeriesBroken e) {
        SeriesBreakView seriesBreak = new SeriesBreakView(e.breakOn(), e.reason(), e.newBaselinePending(), e.effectiveOn());
        return plan.withIndicators(replacing(plan.indicators(), i -> i.indicatorId().equals(e.indicatorId()), i -> i
                .withSeriesBreaks(upserting(i.seriesBreaks(), b -> b.breakOn().equals(e.breakOn()), b -> seriesBreak))
                .withReadings(i.readings().stream()
                        .map(r -> r.readingDate().isBefore(e.breakOn()) ? r.onOldBasis() : r).toList())));
    }

    private static PlanView actionAdded(PlanView plan, ActionAdded e) {
        if (plan.action(e.actionId()).isPresent()) {
            return plan;
        }
        return plan.withActions(plus(plan.actions(), new ActionView(e.actionId(), e.objectiveId(), e.title(),
                e.outputs(), e.monitoringIndicators(), e.resources(), e.partners(), e.risks(), e.leads(),
                e.startDate(), e.endDate(), ActionStatus.OPEN, null, null, null, null, null,
                List.of(), List.of(), List.of(), List.of())));
    }

    /** One action's part of the fold: its own stream's events and its referral cases'. */
    private static ActionView applyToAction(ActionView action, ActionEvent event, RecordedEvent recorded) {
        return switch (event) {
            case ActionAdded e -> action; // placed by the plan-level fold, which creates the action
            case ActionRescheduled e -> action.with(b -> { b.startDate = e.startDate(); b.endDate = e.endDate(); });
            case ActionLeadsChanged e -> action.with(b -> b.leads = e.leads());
            case ActionDetailsRevised e -> detailsRevised(action, e);
            case ActionCompleted e -> withStatus(action, ActionStatus.COMPLETED, e.note(), e.effectiveOn());
            case ActionCeased e -> withStatus(action, ActionStatus.CEASED, e.reason(), e.effectiveOn());
            case ActionReopened e -> withStatus(action, ActionStatus.OPEN, e.reason(), e.effectiveOn());
            case RagAssessed e -> action.with(b -> { b.rag = e.rag(); b.ragReason = e.reason(); b.ragOn = e.effectiveOn(); });
            case ProgressRecorded e -> progressRecorded(action, e, recorded);
            case ProgressNoteCorrected e -> action.with(b -> b.notes = replacing(action.notes(), n -> n.noteId().equals(e.noteId()),
                    n -> n.withText(e.text(), n.corrections() + 1)));
            case ProgressNoteWithdrawn e -> action.with(b -> b.notes = replacing(action.notes(), n -> n.noteId().equals(e.noteId()),
                    n -> n.withdrawn(e.reason())));
            case FundingAllocated e -> action.with(b -> b.years = addToYear(action.years(), e.financialYear(), 0, 0, e.amountPence(), 0));
            case SpendRecorded e -> action.with(b -> b.years = addToYear(action.years(), e.financialYear(), 0, 0, 0, e.amountPence()));
            case RiskIdentified e -> riskIdentified(action, e);
            case RiskReassessed e -> action.with(b -> b.risks = replacing(action.risks(), r -> r.riskId().equals(e.riskId()),
                    r -> new RiskView(r.riskId(), r.description(), e.likelihood(), e.impact(), e.owner(), e.mitigation(), r.open())));
            case RiskClosed e -> action.with(b -> b.risks = replacing(action.risks(), r -> r.riskId().equals(e.riskId()),
                    r -> new RiskView(r.riskId(), r.description(), r.likelihood(), r.impact(), r.owner(), r.mitigation(), false)));
            case ReferralsTallied e -> referralsTallied(action, e);
            case ReferralRegistered e -> action; // the write side's bookkeeping: the case arrives as its ReferralRecorded
            // a submitted update is not on the board until approved: its approval is followed by the
            // ProgressRecorded or RagAssessed that puts it there, so as at and known at cut it where it was
            case UpdateApprovalSet e -> action;
            case ProgressSubmitted e -> action;
            case ProgressApproved e -> action;
            case ProgressReturned e -> action;
            case UpdateReminderSent e -> action; // a reminder changes nothing in the plan; UpdatesDueQueries lists them
            case ReferralRecorded e -> referralRecorded(action, e);
            case ReferralAccepted e -> withCaseStatus(action, e.referralId(), ReferralStatus.ACCEPTED, 0);
            case ReferralDeclined e -> withCaseStatus(action, e.referralId(), ReferralStatus.DECLINED, 0);
            case ReferralClosed e -> withCaseStatus(action, e.referralId(), ReferralStatus.CLOSED, e.costPence());
            case ReferralSubjectErased e -> action; // the board holds no personal data; counts and costs stay
        };
    }

    private static ActionView detailsRevised(ActionView action, ActionDetailsRevised e) {
        return action.with(b -> {
            b.title = e.title();
            b.outputs = e.outputs();
            b.monitoringIndicators = e.monitoringIndicators();
            b.resources = e.resources();
            b.partners = e.partners();
            b.riskNotes = e.risks();
        });
    }

    private static ActionView withStatus(ActionView action, ActionStatus status, String reason, LocalDate on) {
        return action.with(b -> { b.status = status; b.statusReason = reason; b.statusOn = on; });
    }

    private static ActionView progressRecorded(ActionView action, ProgressRecorded e, RecordedEvent recorded) {
        if (action.notes().stream().anyMatch(n -> n.noteId().equals(e.noteId()))) {
            return action;
        }
        NoteView note = new NoteView(e.noteId(), e.period(), e.effectiveOn(), e.text(), e.text(), 0, false, null,
                recorded.audit().actor(), recorded.recordedAt(), e.achieved(), e.planned(), Boolean.TRUE.equals(e.undated()));
        return action.with(b -> b.notes = plus(action.notes(), note));
    }

    private static ActionView riskIdentified(ActionView action, RiskIdentified e) {
        RiskView risk = new RiskView(e.riskId(), e.description(), e.likelihood(), e.impact(), e.owner(), e.mitigation(), true);
        return action.with(b -> b.risks = upserting(action.risks(), r -> r.riskId().equals(e.riskId()), r -> risk));
    }

    private static ActionView referralsTallied(ActionView action, ReferralsTallied e) {
        // A tally such as "65 referrals April 2012 - March 2013, £10,943" belongs to the year its period ends in.
        FinancialYear year = FinancialYear.containing(e.periodTo());
        // a tally without a cost has an unknown cost, not a zero one: counted apart, never summed
        return action.with(b -> b.years = addToYear(action.years(), year, e.count(),
                e.totalCostPence() == null ? 0 : e.totalCostPence(), 0, 0, e.totalCostPence() == null ? e.count() : 0));
    }

    private static ActionView referralRecorded(ActionView action, ReferralRecorded e) {
        if (action.referralCases().stream().anyMatch(c -> c.referralId().equals(e.referralId()))) {
            return action;
        }
        FinancialYear year = FinancialYear.containing(e.receivedOn());
        return action.with(b -> {
            b.referralCases = plus(action.referralCases(), new ReferralCaseView(e.referralId(), year, ReferralStatus.RECEIVED));
            b.years = addToYear(action.years(), year, 1, 0, 0, 0);
        });
    }

    private static ActionView withCaseStatus(ActionView action, String referralId, ReferralStatus status, long cost) {
        ReferralCaseView found = action.referralCases().stream()
                .filter(c -> c.referralId().equals(referralId)).findFirst().orElse(null);
        if (found == null) {
            return action;
        }
        return action.with(b -> {
            b.referralCases = replacing(action.referralCases(), c -> c.referralId().equals(referralId),
                    c -> new ReferralCaseView(c.referralId(), c.financialYear(), status));
            if (cost != 0) {
                b.years = addToYear(action.years(), found.financialYear(), 0, cost, 0, 0);
            }
        });
    }

    private static List<YearTotals> addToYear(List<YearTotals> years, FinancialYear year, int referrals,
                                              long referralCost, long funding, long spend) {
        return addToYear(years, year, referrals, referralCost, funding, spend, 0);
    }

    private static List<YearTotals> addToYear(List<YearTotals> years, FinancialYear year, int referrals,
                                              long referralCost, long funding, long spend, int withoutCost) {
        List<YearTotals> changed = upserting(years, y -> y.financialYear().equals(year),
                y -> (y == null ? YearTotals.none(year) : y).plus(referrals, referralCost, funding, spend, withoutCost));
        // kept in year order so two folds that met the years in a different order still compare equal
        return changed.stream().sorted((a, b) -> a.financialYear().compareTo(b.financialYear())).toList();
    }
}
