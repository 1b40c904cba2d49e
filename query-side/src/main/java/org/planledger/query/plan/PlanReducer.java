package org.planledger.query.plan;

import org.axonframework.eventhandling.EventMessage;
import org.planledger.events.*;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
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
        if (view == null) {
            view = PlanView.empty(event.planId());
        }
        // ---- the plan's own stream
        if (event instanceof PlanDrafted e) {
            return view.withHeader(e.partnership(), e.title(), e.periodStart(), e.periodEnd(), e.cadence());
        }
        if (event instanceof PlanClosed e) {
            return view.withClosed(e.reason());
        }
        if (event instanceof PlanRefreshed e) {
            return view.withRefreshes(plus(view.refreshes(), new RefreshView(e.effectiveOn(), e.note())));
        }
        if (event instanceof BoardMeetingRecorded e) {
            return view.withBoardMeetings(upserting(view.boardMeetings(), m -> m.meetingId().equals(e.meetingId()),
                    m -> new BoardMeetingView(e.meetingId(), e.heldOn(), e.title())));
        }
        if (event instanceof PriorityAdded e) {
            return view.withPriorities(upserting(view.priorities(), p -> p.priorityId().equals(e.priorityId()),
                    p -> new PriorityView(e.priorityId(), e.title(), e.leads(), false, null)));
        }
        if (event instanceof PriorityRevised e) {
            return view.withPriorities(replacing(view.priorities(), p -> p.priorityId().equals(e.priorityId()),
                    p -> new PriorityView(p.priorityId(), e.title(), e.leads(), p.retired(), p.retiredReason())));
        }
        if (event instanceof PriorityRetired e) {
            return view.withPriorities(replacing(view.priorities(), p -> p.priorityId().equals(e.priorityId()),
                    p -> new PriorityView(p.priorityId(), p.title(), p.leads(), true, e.reason())));
        }
        if (event instanceof ObjectiveAdded e) {
            return view.withObjectives(upserting(view.objectives(), o -> o.objectiveId().equals(e.objectiveId()),
                    o -> new ObjectiveView(e.objectiveId(), e.priorityId(), e.title(), e.outcomes())));
        }
        if (event instanceof ObjectiveRevised e) {
            return view.withObjectives(replacing(view.objectives(), o -> o.objectiveId().equals(e.objectiveId()),
                    o -> new ObjectiveView(o.objectiveId(), o.priorityId(), e.title(), e.outcomes())));
        }
        if (event instanceof IndicatorDefined e) {
            return view.withIndicators(upserting(view.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                    i -> new IndicatorView(e.indicatorId(), e.objectiveId(), e.name(), e.unit(), e.direction(),
                            e.baseline(), e.target(), e.changeRequired(), e.dueOn(), e.lead(), null, 0)));
        }
        if (event instanceof IndicatorRebaselined e) {
            return view.withIndicators(replacing(view.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                    i -> new IndicatorView(i.indicatorId(), i.objectiveId(), i.name(), i.unit(), i.direction(),
                            e.baseline(), e.target() != null ? e.target() : i.target(),
                            e.changeRequired() != null ? e.changeRequired() : i.changeRequired(),
                            i.dueOn(), i.lead(), i.latestReading(), i.readingCount())));
        }
        if (event instanceof IndicatorReadingRecorded e) {
            ReadingView reading = new ReadingView(e.value(), e.period(), e.source(), e.effectiveOn());
            return view.withIndicators(replacing(view.indicators(), i -> i.indicatorId().equals(e.indicatorId()),
                    i -> new IndicatorView(i.indicatorId(), i.objectiveId(), i.name(), i.unit(), i.direction(),
                            i.baseline(), i.target(), i.changeRequired(), i.dueOn(), i.lead(),
                            i.latestReading() == null || !e.effectiveOn().isBefore(i.latestReading().effectiveOn())
                                    ? reading : i.latestReading(),
                            i.readingCount() + 1)));
        }
        if (event instanceof ActionAdded e) {
            if (view.action(e.actionId()).isPresent()) {
                return view;
            }
            return view.withActions(plus(view.actions(), new ActionView(e.actionId(), e.objectiveId(), e.title(),
                    e.outputs(), e.monitoringIndicators(), e.resources(), e.partners(), e.risks(), e.leads(),
                    e.startDate(), e.endDate(), ActionStatus.OPEN, null, null, null, null, null,
                    List.of(), List.of(), List.of(), List.of())));
        }
        if (event instanceof ActionEvent e) {
            if (view.action(e.actionId()).isEmpty()) {
                return view;
            }
            return view.withActions(replacing(view.actions(), a -> a.actionId().equals(e.actionId()),
                    a -> applyToAction(a, recorded)));
        }
        return view;
    }

    private static ActionView applyToAction(ActionView action, RecordedEvent recorded) {
        PlanLedgerEvent event = recorded.event();
        if (event instanceof ActionRescheduled e) {
            return action.with(b -> { b.startDate = e.startDate(); b.endDate = e.endDate(); });
        }
        if (event instanceof ActionLeadsChanged e) {
            return action.with(b -> b.leads = e.leads());
        }
        if (event instanceof ActionDetailsRevised e) {
            return action.with(b -> {
                b.title = e.title();
                b.outputs = e.outputs();
                b.monitoringIndicators = e.monitoringIndicators();
                b.resources = e.resources();
                b.partners = e.partners();
                b.riskNotes = e.risks();
            });
        }
        if (event instanceof ActionCompleted e) {
            return action.with(b -> { b.status = ActionStatus.COMPLETED; b.statusReason = e.note(); b.statusOn = e.effectiveOn(); });
        }
        if (event instanceof ActionCeased e) {
            return action.with(b -> { b.status = ActionStatus.CEASED; b.statusReason = e.reason(); b.statusOn = e.effectiveOn(); });
        }
        if (event instanceof ActionReopened e) {
            return action.with(b -> { b.status = ActionStatus.OPEN; b.statusReason = e.reason(); b.statusOn = e.effectiveOn(); });
        }
        if (event instanceof RagAssessed e) {
            return action.with(b -> { b.rag = e.rag(); b.ragReason = e.reason(); b.ragOn = e.effectiveOn(); });
        }
        if (event instanceof ProgressRecorded e) {
            if (action.notes().stream().anyMatch(n -> n.noteId().equals(e.noteId()))) {
                return action;
            }
            NoteView note = new NoteView(e.noteId(), e.period(), e.effectiveOn(), e.text(), e.text(), 0, false, null,
                    recorded.audit().actor(), recorded.recordedAt());
            return action.with(b -> b.notes = plus(action.notes(), note));
        }
        if (event instanceof ProgressNoteCorrected e) {
            return action.with(b -> b.notes = replacing(action.notes(), n -> n.noteId().equals(e.noteId()),
                    n -> new NoteView(n.noteId(), n.period(), n.effectiveOn(), e.text(), n.originalText(),
                            n.corrections() + 1, n.withdrawn(), n.withdrawnReason(), n.recordedBy(), n.recordedAt())));
        }
        if (event instanceof ProgressNoteWithdrawn e) {
            return action.with(b -> b.notes = replacing(action.notes(), n -> n.noteId().equals(e.noteId()),
                    n -> new NoteView(n.noteId(), n.period(), n.effectiveOn(), n.text(), n.originalText(),
                            n.corrections(), true, e.reason(), n.recordedBy(), n.recordedAt())));
        }
        if (event instanceof FundingAllocated e) {
            return action.with(b -> b.years = addToYear(action.years(), e.financialYear(), 0, 0, e.amountPence(), 0));
        }
        if (event instanceof SpendRecorded e) {
            return action.with(b -> b.years = addToYear(action.years(), e.financialYear(), 0, 0, 0, e.amountPence()));
        }
        if (event instanceof RiskIdentified e) {
            RiskView risk = new RiskView(e.riskId(), e.description(), e.likelihood(), e.impact(), e.owner(), e.mitigation(), true);
            return action.with(b -> b.risks = upserting(action.risks(), r -> r.riskId().equals(e.riskId()), r -> risk));
        }
        if (event instanceof RiskReassessed e) {
            return action.with(b -> b.risks = replacing(action.risks(), r -> r.riskId().equals(e.riskId()),
                    r -> new RiskView(r.riskId(), r.description(), e.likelihood(), e.impact(), e.owner(), e.mitigation(), r.open())));
        }
        if (event instanceof RiskClosed e) {
            return action.with(b -> b.risks = replacing(action.risks(), r -> r.riskId().equals(e.riskId()),
                    r -> new RiskView(r.riskId(), r.description(), r.likelihood(), r.impact(), r.owner(), r.mitigation(), false)));
        }
        if (event instanceof ReferralsTallied e) {
            // A tally such as "65 referrals April 2012 - March 2013, £10,943" belongs to the year its period ends in.
            FinancialYear year = FinancialYear.containing(e.periodTo());
            return action.with(b -> b.years = addToYear(action.years(), year, e.count(), e.totalCostPence(), 0, 0));
        }
        if (event instanceof ReferralRecorded e) {
            if (action.referralCases().stream().anyMatch(c -> c.referralId().equals(e.referralId()))) {
                return action;
            }
            FinancialYear year = FinancialYear.containing(e.receivedOn());
            return action.with(b -> {
                b.referralCases = plus(action.referralCases(), new ReferralCaseView(e.referralId(), year, ReferralStatus.RECEIVED));
                b.years = addToYear(action.years(), year, 1, 0, 0, 0);
            });
        }
        if (event instanceof ReferralAccepted e) {
            return withCaseStatus(action, e.referralId(), ReferralStatus.ACCEPTED, 0);
        }
        if (event instanceof ReferralDeclined e) {
            return withCaseStatus(action, e.referralId(), ReferralStatus.DECLINED, 0);
        }
        if (event instanceof ReferralClosed e) {
            return withCaseStatus(action, e.referralId(), ReferralStatus.CLOSED, e.costPence());
        }
        return action;
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
        List<YearTotals> changed = upserting(years, y -> y.financialYear().equals(year),
                y -> (y == null ? YearTotals.none(year) : y).plus(referrals, referralCost, funding, spend));
        // kept in year order so two folds that met the years in a different order still compare equal
        return changed.stream().sorted((a, b) -> a.financialYear().compareTo(b.financialYear())).toList();
    }
}
