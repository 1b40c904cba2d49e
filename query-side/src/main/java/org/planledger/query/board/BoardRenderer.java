package org.planledger.query.board;

import org.planledger.events.*;
import org.planledger.query.api.*;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.IndicatorView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.ObjectiveView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.plan.YearTotals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a folded {@link PlanView} as the board for a given date. Everything that depends on the
 * date (days since the last note, overdue, stale, the current financial year's referrals and
 * money) is worked out here, so a stored board never goes out of date and a replay as at 2013
 * flags what was overdue in 2013.
 */
public final class BoardRenderer {

    private BoardRenderer() {
    }

    public static BoardView render(PlanView plan, LocalDate requestedAsAt, Instant knownAt) {
        // a finished plan reads as finished: judged on the day it closed or ended, never against a later today
        boolean finished = plan.finishedBy(requestedAsAt);
        LocalDate asAt = plan.judgedOn(requestedAsAt);
        List<BoardPriority> priorities = new ArrayList<>();
        RagCounts planRag = RagCounts.NONE;
        for (PriorityView priority : plan.priorities()) {
            List<BoardObjective> objectives = new ArrayList<>();
            RagCounts priorityRag = RagCounts.NONE;
            for (ObjectiveView objective : plan.objectives()) {
                // a retired objective leaves the board with what it holds; replays before its retirement show it
                if (!objective.priorityId().equals(priority.priorityId()) || objective.retired()) {
                    continue;
                }
                List<BoardAction> actions = plan.actions().stream()
                        .filter(a -> a.objectiveId().equals(objective.objectiveId()))
                        .map(a -> action(a, plan.cadence(), asAt, finished)).toList();
                List<BoardIndicator> indicators = plan.indicators().stream()
                        .filter(i -> !i.retired() && i.belongsTo(objective.objectiveId()))
                        .map(BoardRenderer::indicator).toList();
                RagCounts objectiveRag = ragCounts(plan.actions().stream()
                        .filter(a -> a.objectiveId().equals(objective.objectiveId())).toList());
                priorityRag = priorityRag.plus(objectiveRag);
                objectives.add(new BoardObjective(objective.objectiveId(), objective.title(), objective.outcomes(),
                        objectiveRag, actions, indicators));
            }
            planRag = planRag.plus(priorityRag);
            List<BoardIndicator> priorityMeasures = plan.indicators().stream()
                    .filter(i -> !i.retired() && i.objectiveId() == null && priority.priorityId().equals(i.priorityId()))
                    .map(BoardRenderer::indicator).toList();
            priorities.add(new BoardPriority(priority.priorityId(), priority.title(), priority.leads(), priority.retired(),
                    priorityRag, objectives, priorityMeasures, priority.focus()));
        }
        return new BoardView(plan.planId(), plan.partnership(), plan.title(), plan.periodStart(), plan.periodEnd(),
                plan.cadence(), plan.closed(), requestedAsAt, knownAt, planRag, priorities, plan.indicators().stream()
                .filter(i -> !i.retired() && i.objectiveId() == null && i.priorityId() == null).map(BoardRenderer::indicator).toList(),
                plan.members().stream().filter(m -> m.memberOn(asAt))
                        .map(m -> new BoardMember(m.memberId(), m.name(), m.organisation(), m.role(), m.from(), m.to()))
                        .toList(),
                asAt, finished, plan.fictional(), plan.fictionNote());
    }

    /** The actions the board shows: all but those under a retired objective, which left the board with it. */
    public static List<ActionView> shownActions(PlanView plan) {
        List<String> retired = plan.objectives().stream().filter(ObjectiveView::retired).map(ObjectiveView::objectiveId).toList();
        return retired.isEmpty() ? plan.actions()
                : plan.actions().stream().filter(a -> !retired.contains(a.objectiveId())).toList();
    }

    /** Counts every action by its current rating; an action never rated counts as unrated. */
    public static RagCounts ragCounts(List<ActionView> actions) {
        int red = 0, amber = 0, green = 0, unrated = 0;
        for (ActionView action : actions) {
            if (action.rag() == null) {
                unrated++;
            } else {
                switch (action.rag()) {
                    case RED -> red++;
                    case AMBER -> amber++;
                    case GREEN -> green++;
                }
            }
        }
        return new RagCounts(red, amber, green, unrated);
    }

    public static List<PriorityRag> ragByPriority(PlanView plan) {
        List<PriorityRag> result = new ArrayList<>();
        for (PriorityView priority : plan.priorities()) {
            List<String> objectiveIds = plan.objectives().stream()
                    .filter(o -> o.priorityId().equals(priority.priorityId()) && !o.retired())
                    .map(ObjectiveView::objectiveId).toList();
            result.add(new PriorityRag(priority.priorityId(), priority.title(), ragCounts(plan.actions().stream()
                    .filter(a -> objectiveIds.contains(a.objectiveId())).toList())));
        }
        return result;
    }

    static BoardAction action(ActionView action, Cadence cadence, LocalDate asAt, boolean planFinished) {
        NoteView latest = action.latestNote().orElse(null);
        boolean open = action.status() == ActionStatus.OPEN;
        LocalDate nextUpdateDue = nextUpdateDue(action, cadence);
        boolean started = action.startDate() == null || !action.startDate().isAfter(asAt);
        // Stale: open and started, and the next update (one reporting cycle after the latest note, or after
        // the start before any note) was due before the day judged: the same date the board shows as due.
        boolean stale = open && started && cadence != null && nextUpdateDue != null && nextUpdateDue.isBefore(asAt);
        boolean overdue = open && action.endDate() != null && action.endDate().isBefore(asAt);
        Integer daysSinceLastNote = latest == null ? null
                : (int) Math.max(0, ChronoUnit.DAYS.between(latest.effectiveOn(), asAt));
        FinancialYear year = FinancialYear.containing(asAt);
        YearTotals totals = action.totalsFor(year);
        return new BoardAction(action.actionId(), action.title(), action.rag(), action.ragReason(), action.status(),
                action.leads(), action.startDate(), action.endDate(), overdue, stale, daysSinceLastNote,
                open && !planFinished ? nextUpdateDue : null,
                latest == null ? null : new LatestNote(latest.noteId(), latest.period(), latest.text(), latest.effectiveOn(),
                        latest.achieved(), latest.planned(), LatestNote.quantity(latest.achieved(), latest.planned()),
                        latest.recordedAt(), latest.undated()),
                new ReferralTotals(year, totals.referrals(), totals.referralCostPence(), totals.referralsWithoutCost()),
                totals.fundingPence(), totals.spendPence());
    }

    /** The latest note's period start plus one reporting cycle; before any note, the start date plus one cycle. */
    public static LocalDate nextUpdateDue(ActionView action, Cadence cadence) {
        return nextUpdateDue(action.latestNote().map(NoteView::effectiveOn).orElse(null), action.startDate(), cadence);
    }

    public static LocalDate nextUpdateDue(LocalDate lastNoteOn, LocalDate startDate, Cadence cadence) {
        // one reporting cycle from the latest note, or from the start before any note: the same rule as stale
        LocalDate from = lastNoteOn != null ? lastNoteOn : startDate;
        if (from == null) {
            return null;
        }
        return cadence == null ? (lastNoteOn == null ? startDate : null) : from.plus(cadence.cycle());
    }

    static BoardIndicator indicator(IndicatorView indicator) {
        IndicatorTrend trend = IndicatorTrend.of(indicator.ownReadings(), indicator.seriesBreaks());
        OnTrack verdict = OnTrack.judge(indicator.direction(), indicator.target(), indicator.baseline(), indicator.unit(),
                indicator.ownReadings(), indicator.peerReadings(), indicator.seriesBreaks());
        return new BoardIndicator(indicator.indicatorId(), indicator.name(), indicator.unit(), indicator.direction(),
                indicator.baseline(), indicator.target(), indicator.changeRequired(), indicator.lead(),
                trend.latest(), verdict.onTrack(), trend.previous(), trend.change(), indicator.readingCount(),
                verdict.reason());
    }
}
