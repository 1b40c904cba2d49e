package org.planledger.infra.importer;

import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store already holds of a plan, folded from its own stream and its actions' streams: the
 * current title, leads, outcomes, baselines, targets, readings, members, action details, dates, leads
 * and notes. The importer compares the file with it and sends a revision for each difference.
 */
public final class StoredPlan {

    record PriorityState(String title, List<String> leads, boolean retired, List<String> focus) {
    }

    record ObjectiveState(String priorityId, String title, List<String> outcomes, boolean retired) {
    }

    record IndicatorState(IndicatorDefined defined, Baseline baseline, Target target, String changeRequired,
                          boolean retired) {
    }

    record NoteState(String period, String text, BigDecimal achieved, BigDecimal planned, boolean withdrawn,
                     boolean undated) {
    }

    /** A reading's figures as they now stand (after any correction); readingId is null for one recorded without an id. */
    record ReadingState(String readingId, BigDecimal value, Long costPence, String note, String source) {
    }

    record MemberState(String name, String organisation, String role, LocalDate from, LocalDate to) {
    }

    static final class ActionState {
        String objectiveId;
        String title;
        List<String> outputs;
        List<String> monitoringIndicators;
        List<String> resources;
        List<String> partners;
        List<String> risks;
        LocalDate startDate;
        LocalDate endDate;
        List<Lead> leads;
        final Map<String, NoteState> notes = new HashMap<>();
    }

    boolean drafted;
    PlanDrafted plan;
    final Map<String, PriorityState> priorities = new HashMap<>();
    final Map<String, ObjectiveState> objectives = new HashMap<>();
    final Map<String, IndicatorState> indicators = new HashMap<>();
    /** Readings by indicator, then by period ({@code "PEER 2013/14"} for a peer group's figure). */
    final Map<String, Map<String, ReadingState>> readings = new HashMap<>();
    /** Where each reading with an id is kept in {@link #readings}: its indicator and key. */
    private final Map<String, String[]> readingPlaces = new HashMap<>();
    /** Plan members as last recorded, by member id. */
    final Map<String, MemberState> members = new HashMap<>();
    final Set<String> registeredActions = new HashSet<>();
    final Map<String, ActionState> actions = new HashMap<>();

    /** How {@link #readings} keys a reading: its period, prefixed {@code PEER } for a peer group's figure. */
    static String readingKey(String period, boolean peer) {
        return (peer ? "PEER " : "") + period;
    }

    /** A plan the store does not hold: everything in the file is new. */
    public static StoredPlan empty() {
        return new StoredPlan();
    }

    boolean isEmpty() {
        return !drafted;
    }

    /** Folds one event of the plan's stream. */
    void applyPlanEvent(Object payload) {
        switch (payload) {
            case PlanDrafted e -> {
                drafted = true;
                plan = e;
            }
            case PriorityAdded e -> priorities.put(e.priorityId(),
                    new PriorityState(e.title(), e.leads(), false, e.focusStrands()));
            case PriorityRevised e -> priorities.computeIfPresent(e.priorityId(),
                    (id, p) -> new PriorityState(e.title(), e.leads(), p.retired(), e.focusStrands()));
            case PriorityRetired e -> priorities.computeIfPresent(e.priorityId(),
                    (id, p) -> new PriorityState(p.title(), p.leads(), true, p.focus()));
            case ObjectiveAdded e -> objectives.put(e.objectiveId(),
                    new ObjectiveState(e.priorityId(), e.title(), e.outcomes(), false));
            case ObjectiveRevised e -> objectives.computeIfPresent(e.objectiveId(),
                    (id, o) -> new ObjectiveState(o.priorityId(), e.title(), e.outcomes(), o.retired()));
            case ObjectiveRetired e -> objectives.computeIfPresent(e.objectiveId(),
                    (id, o) -> new ObjectiveState(o.priorityId(), o.title(), o.outcomes(), true));
            case IndicatorDefined e -> indicators.put(e.indicatorId(),
                    new IndicatorState(e, e.baseline(), e.target(), e.changeRequired(), false));
            case IndicatorRebaselined e -> indicators.computeIfPresent(e.indicatorId(),
                    (id, i) -> new IndicatorState(i.defined(), e.baseline(), e.target(), e.changeRequired(), i.retired()));
            case IndicatorRetired e -> indicators.computeIfPresent(e.indicatorId(),
                    (id, i) -> new IndicatorState(i.defined(), i.baseline(), i.target(), i.changeRequired(), true));
            case IndicatorReadingRecorded e -> {
                String key = readingKey(e.period(), e.peer());
                readings.computeIfAbsent(e.indicatorId(), id -> new HashMap<>())
                        .put(key, new ReadingState(e.readingId(), e.value(), e.costPence(), e.note(), e.source()));
                if (e.readingId() != null) {
                    readingPlaces.put(e.readingId(), new String[] {e.indicatorId(), key});
                }
            }
            case IndicatorReadingCorrected e -> {
                String[] place = readingPlaces.get(e.readingId());
                if (place != null) {
                    readings.get(place[0]).computeIfPresent(place[1],
                            (key, r) -> new ReadingState(r.readingId(), e.value(), e.costPence(), e.note(), r.source()));
                }
            }
            case PlanMemberRecorded e -> members.put(e.memberId(),
                    new MemberState(e.name(), e.organisation(), e.role(), e.from(), e.to()));
            case ActionRegistered e -> registeredActions.add(e.actionId());
            default -> {
                // board meetings, refreshes, closures: their creates carry ids and repeat as no-ops
            }
        }
    }

    /** Folds one event of an action's stream. */
    void applyActionEvent(String actionId, Object payload) {
        ActionState action = actions.computeIfAbsent(actionId, id -> new ActionState());
        switch (payload) {
            case ActionAdded e -> {
                action.objectiveId = e.objectiveId();
                action.title = e.title();
                action.outputs = e.outputs();
                action.monitoringIndicators = e.monitoringIndicators();
                action.resources = e.resources();
                action.partners = e.partners();
                action.risks = e.risks();
                action.startDate = e.startDate();
                action.endDate = e.endDate();
                action.leads = e.leads();
            }
            case ActionDetailsRevised e -> {
                action.title = e.title();
                action.outputs = e.outputs();
                action.monitoringIndicators = e.monitoringIndicators();
                action.resources = e.resources();
                action.partners = e.partners();
                action.risks = e.risks();
            }
            case ActionRescheduled e -> {
                action.startDate = e.startDate();
                action.endDate = e.endDate();
            }
            case ActionLeadsChanged e -> action.leads = e.leads();
            case ProgressRecorded e -> action.notes.put(e.noteId(),
                    new NoteState(e.period(), e.text(), e.achieved(), e.planned(), false, Boolean.TRUE.equals(e.undated())));
            case ProgressNoteCorrected e -> action.notes.computeIfPresent(e.noteId(),
                    (id, n) -> new NoteState(n.period(), e.text(), n.achieved(), n.planned(), n.withdrawn(), n.undated()));
            case ProgressNoteWithdrawn e -> action.notes.computeIfPresent(e.noteId(),
                    (id, n) -> new NoteState(n.period(), n.text(), n.achieved(), n.planned(), true, n.undated()));
            default -> {
                // tallies, funding, spend, ratings, closures: their creates carry ids and repeat as no-ops
            }
        }
    }
}
