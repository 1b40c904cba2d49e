package org.planledger.query.plan;

import org.planledger.events.Cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A plan's state as folded from its events: the one value the live board, "as at" replays, diffs
 * and the audit trail's "before" all derive from. Immutable; {@link PlanReducer} returns a new
 * value per event, sharing what did not change.
 *
 * <p>Keyed things are kept as lists in the order they were added (the plan's own order, and safe
 * as MongoDB documents whatever characters an id holds). Nothing here depends on today's date:
 * days since a note, overdue and stale are worked out when the view is read. fictionNote is the
 * wording of the label of an invented plan (the showcase), null for a real partnership's plan.
 */
public record PlanView(String planId, boolean drafted, String partnership, String title,
                       LocalDate periodStart, LocalDate periodEnd, Cadence cadence,
                       boolean closed, String closedReason,
                       List<PriorityView> priorities, List<ObjectiveView> objectives, List<ActionView> actions,
                       List<IndicatorView> indicators, List<BoardMeetingView> boardMeetings,
                       List<RefreshView> refreshes, List<MemberView> members, LocalDate closedOn,
                       String fictionNote) {

    public PlanView {
        priorities = List.copyOf(priorities);
        objectives = List.copyOf(objectives);
        actions = List.copyOf(actions);
        indicators = List.copyOf(indicators);
        boardMeetings = List.copyOf(boardMeetings);
        refreshes = List.copyOf(refreshes);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /**
     * The day the plan is judged as at when viewed on asAt: asAt itself while the plan runs; once it
     * has been closed or its period has ended, the day it closed or ended, so a finished plan is never
     * flagged against a later today.
     */
    public LocalDate judgedOn(LocalDate asAt) {
        LocalDate on = asAt;
        if (closed && closedOn != null && closedOn.isBefore(on)) {
            on = closedOn;
        }
        if (periodEnd != null && periodEnd.isBefore(on)) {
            on = periodEnd;
        }
        return on;
    }

    /** Closed, or its period ended before asAt. */
    public boolean finishedBy(LocalDate asAt) {
        return closed || (periodEnd != null && periodEnd.isBefore(asAt));
    }

    /** The state before the plan's first event. */
    public static PlanView empty(String planId) {
        return new PlanView(planId, false, null, null, null, null, null, false, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    public Optional<ActionView> action(String actionId) {
        return actions.stream().filter(a -> a.actionId().equals(actionId)).findFirst();
    }

    /**
     * The user ids named among the leads of any of the plan's actions, sorted: what "my actions" finds
     * a plan by (stored beside the board's view, so it is written with the state it comes from).
     */
    public List<String> leadUserIds() {
        return actions.stream().flatMap(a -> a.leadUserIds().stream()).distinct().sorted().toList();
    }

    public Optional<IndicatorView> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.indicatorId().equals(indicatorId)).findFirst();
    }

    public Optional<PriorityView> priority(String priorityId) {
        return priorities.stream().filter(p -> p.priorityId().equals(priorityId)).findFirst();
    }

    public Optional<ObjectiveView> objective(String objectiveId) {
        return objectives.stream().filter(o -> o.objectiveId().equals(objectiveId)).findFirst();
    }

    PlanView withHeader(String partnership, String title, LocalDate periodStart, LocalDate periodEnd, Cadence cadence) {
        return new PlanView(planId, true, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, actions, indicators, boardMeetings, refreshes, members, closedOn, fictionNote);
    }

    /** Labelled fictional (an invented showcase or training plan), with the label's wording. */
    public boolean fictional() {
        return fictionNote != null;
    }

    PlanView withFictionNote(String note) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, actions, indicators, boardMeetings, refreshes, members, closedOn, note);
    }

    PlanView withClosed(String reason, LocalDate on) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, true, reason,
                priorities, objectives, actions, indicators, boardMeetings, refreshes, members, on, fictionNote);
    }

    PlanView withPriorities(List<PriorityView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                changed, objectives, actions, indicators, boardMeetings, refreshes, members, closedOn, fictionNote);
    }

    PlanView withObjectives(List<ObjectiveView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, changed, actions, indicators, boardMeetings, refreshes, members, closedOn, fictionNote);
    }

    PlanView withActions(List<ActionView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, changed, indicators, boardMeetings, refreshes, members, closedOn, fictionNote);
    }

    PlanView withIndicators(List<IndicatorView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, actions, changed, boardMeetings, refreshes, members, closedOn, fictionNote);
    }

    PlanView withBoardMeetings(List<BoardMeetingView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, actions, indicators, changed, refreshes, members, closedOn, fictionNote);
    }

    PlanView withRefreshes(List<RefreshView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, actions, indicators, boardMeetings, changed, members, closedOn, fictionNote);
    }

    PlanView withMembers(List<MemberView> changed) {
        return new PlanView(planId, drafted, partnership, title, periodStart, periodEnd, cadence, closed, closedReason,
                priorities, objectives, actions, indicators, boardMeetings, refreshes, changed, closedOn, fictionNote);
    }

    /** Copy-on-write helpers: the list with one element added, or the matching ones replaced. */
    static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return copy;
    }

    static <T> List<T> replacing(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(which.test(item) ? change.apply(item) : item);
        }
        return copy;
    }

    static <T> List<T> upserting(List<T> list, Predicate<T> which, Function<T, T> change) {
        boolean found = list.stream().anyMatch(which);
        return found ? replacing(list, which, change::apply) : plus(list, change.apply(null));
    }
}
