package org.planledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.planledger.command.BusinessDates.orFirst;
import static org.planledger.command.BusinessDates.orToday;

/**
 * A partnership's plan: owns the tree's shape (priorities, objectives, indicators), its board
 * meetings and refreshes, and decides whether an action may be added under an objective.
 */
class Plan {

    @AggregateIdentifier
    private String planId;
    private PlanDrafted drafted;
    private boolean closed;
    private final Map<String, PriorityAdded> priorities = new HashMap<>();
    private final Set<String> retiredPriorities = new HashSet<>();
    private final Map<String, ObjectiveAdded> objectives = new HashMap<>();
    private final Map<String, IndicatorDefined> indicators = new HashMap<>();
    private final Map<String, BoardMeetingRecorded> boardMeetings = new HashMap<>();
    /** Readings recorded with a client-chosen id, by that id, to recognise a retry. */
    private final Map<String, IndicatorReadingRecorded> readings = new HashMap<>();
    /** Series breaks by indicator id and day ("burglary@2014-04-01"): one break per indicator per day. */
    private final Map<String, IndicatorSeriesBroken> seriesBreaks = new HashMap<>();
    /** Objectives sharing an indicator, by indicator id and objective id ("burglary@acq-2"). */
    private final Map<String, IndicatorLinked> links = new HashMap<>();
    /** Plan members by id, as last recorded. */
    private final Map<String, PlanMemberRecorded> members = new HashMap<>();
    /** Action id to its registration, whose digest of ActionAdded recognises a repeated AddAction. */
    private final Map<String, ActionRegistered> actions = new HashMap<>();
    /** Refreshes and closures recorded with a client-chosen id, by that id, to recognise a retry. */
    private final Map<String, PlanRefreshed> refreshes = new HashMap<>();
    private final Map<String, PlanClosed> closures = new HashMap<>();

    Plan() {
        // for Axon: an empty plan that events are applied to
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftPlan command) {
        PlanDrafted event = new PlanDrafted(command.planId(), command.partnership(), command.title(),
                command.periodStart(), command.periodEnd(), command.cadence(), orFirst(command.effectiveOn(), drafted));
        if (Rules.isRepeatOf(drafted, event, "plan", command.planId())) {
            return;
        }
        Rules.endNotBeforeStart(command.periodStart(), command.periodEnd(), "periodEnd");
        apply(event);
    }

    @CommandHandler
    void handle(AddPriority command) {
        PriorityAdded event = new PriorityAdded(planId, command.priorityId(), command.title(),
                Rules.copy(command.leads(), "leads"), orFirst(command.effectiveOn(), priorities.get(command.priorityId())));
        if (Rules.isRepeatOf(priorities.get(command.priorityId()), event, "priority", command.priorityId())) {
            return;
        }
        requireOpen();
        apply(event);
    }

    @CommandHandler
    void handle(RevisePriority command) {
        requireOpen();
        requirePriority(command.priorityId());
        apply(new PriorityRevised(planId, command.priorityId(), command.title(),
                Rules.copy(command.leads(), "leads"), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(RetirePriority command) {
        requireOpen();
        requireActivePriority(command.priorityId());
        Rules.reasonGiven(command.reason(), "to retire a priority");
        apply(new PriorityRetired(planId, command.priorityId(), command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(AddObjective command) {
        ObjectiveAdded event = new ObjectiveAdded(planId, command.priorityId(), command.objectiveId(), command.title(),
                Rules.copy(command.outcomes(), "outcomes"),
                orFirst(command.effectiveOn(), objectives.get(command.objectiveId())));
        if (Rules.isRepeatOf(objectives.get(command.objectiveId()), event, "objective", command.objectiveId())) {
            return;
        }
        requireOpen();
        requireActivePriority(command.priorityId());
        apply(event);
    }

    @CommandHandler
    void handle(ReviseObjective command) {
        requireOpen();
        requireObjective(command.objectiveId());
        apply(new ObjectiveRevised(planId, command.objectiveId(), command.title(),
                Rules.copy(command.outcomes(), "outcomes"), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(DefineIndicator command) {
        IndicatorDefined event = new IndicatorDefined(planId, command.objectiveId(), command.priorityId(),
                command.indicatorId(), command.name(), command.unit(), command.direction(), command.baseline(),
                command.target(), command.changeRequired(), command.dueOn(), command.lead(),
                orFirst(command.effectiveOn(), indicators.get(command.indicatorId())));
        if (Rules.isRepeatOf(indicators.get(command.indicatorId()), event, "indicator", command.indicatorId())) {
            return;
        }
        requireOpen();
        if (command.objectiveId() != null) {
            requireObjective(command.objectiveId());
        }
        if (command.priorityId() != null) {
            requirePriority(command.priorityId());
            if (command.objectiveId() != null
                    && !objectives.get(command.objectiveId()).priorityId().equals(command.priorityId())) {
                throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "priorityId",
                        "the objective '" + command.objectiveId() + "' is not under the priority '" + command.priorityId() + "'");
            }
        }
        apply(event);
    }

    @CommandHandler
    void handle(LinkIndicator command) {
        String key = command.indicatorId() + "@" + command.objectiveId();
        IndicatorDefined indicator = indicators.get(command.indicatorId());
        if (links.containsKey(key) || (indicator != null && command.objectiveId().equals(indicator.objectiveId()))) {
            return; // already shown under that objective: a link says nothing new, whatever its date
        }
        requireOpen();
        requireIndicator(command.indicatorId());
        requireObjective(command.objectiveId());
        apply(new IndicatorLinked(planId, command.indicatorId(), command.objectiveId(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(RebaselineIndicator command) {
        requireOpen();
        requireIndicator(command.indicatorId());
        Rules.reasonGiven(command.reason(), "to change an indicator's baseline or target");
        apply(new IndicatorRebaselined(planId, command.indicatorId(), command.baseline(), command.target(),
                command.changeRequired(), command.reason(), orToday(command.effectiveOn())));
    }

    /**
     * A reading is known when its period has ended (a 2013/14 figure at the end of March 2014), so
     * that is its default effective date; a reading with free-text period falls back to today.
     */
    @CommandHandler
    void handle(RecordIndicatorReading command) {
        IndicatorReadingRecorded existing = command.readingId() == null ? null : readings.get(command.readingId());
        LocalDate periodEnd = ReadingPeriod.lastDayOf(command.period());
        LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn()
                : periodEnd != null ? periodEnd : orFirst(null, existing);
        IndicatorReadingRecorded event = new IndicatorReadingRecorded(planId, command.indicatorId(), command.readingId(),
                command.value(), command.period(), command.costPence(), command.note(), command.source(),
                command.series(), effectiveOn);
        if (Rules.isRepeatOf(existing, event, "reading", command.readingId())) {
            return;
        }
        requireOpen();
        requireIndicator(command.indicatorId());
        if (command.costPence() != null) {
            Rules.notNegative(command.costPence(), "costPence");
        }
        apply(event);
    }

    @CommandHandler
    void handle(RecordSeriesBreak command) {
        String key = command.indicatorId() + "@" + command.breakOn();
        IndicatorSeriesBroken event = new IndicatorSeriesBroken(planId, command.indicatorId(), command.breakOn(),
                command.reason(), command.newBaselinePending(),
                command.effectiveOn() != null ? command.effectiveOn() : command.breakOn());
        if (Rules.isRepeatOf(seriesBreaks.get(key), event, "series break", key)) {
            return;
        }
        requireOpen();
        requireIndicator(command.indicatorId());
        Rules.reasonGiven(command.reason(), "to record a series break");
        apply(event);
    }

    @CommandHandler
    void handle(RecordPlanMember command) {
        PlanMemberRecorded existing = members.get(command.memberId());
        if (existing != null && Objects.equals(existing.name(), command.name())
                && Objects.equals(existing.organisation(), command.organisation())
                && Objects.equals(existing.role(), command.role()) && Objects.equals(existing.from(), command.from())
                && Objects.equals(existing.to(), command.to())
                && (command.effectiveOn() == null || command.effectiveOn().equals(existing.effectiveOn()))) {
            return; // a retry: nothing about the member changed
        }
        requireOpen();
        if (blank(command.name()) && blank(command.organisation())) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "name",
                    "a member needs a name or an organisation");
        }
        Rules.endNotBeforeStart(command.from(), command.to(), "to");
        boolean newlyLeft = command.to() != null && (existing == null || !command.to().equals(existing.to()));
        LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn()
                : newlyLeft ? command.to() : command.from() != null ? command.from() : orToday(null);
        apply(new PlanMemberRecorded(planId, command.memberId(), command.name(), command.organisation(), command.role(),
                command.from(), command.to(), effectiveOn));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @CommandHandler
    void handle(RecordBoardMeeting command) {
        BoardMeetingRecorded event = new BoardMeetingRecorded(planId, command.meetingId(), command.heldOn(),
                command.title(), command.heldOn());
        if (Rules.isRepeatOf(boardMeetings.get(command.meetingId()), event, "board meeting", command.meetingId())) {
            return;
        }
        requireOpen();
        apply(event);
    }

    @CommandHandler
    void handle(RefreshPlan command) {
        PlanRefreshed existing = command.refreshId() == null ? null : refreshes.get(command.refreshId());
        PlanRefreshed event = new PlanRefreshed(planId, command.refreshId(), command.note(),
                orFirst(command.effectiveOn(), existing));
        if (Rules.isRepeatOf(existing, event, "refresh", command.refreshId())) {
            return;
        }
        requireOpen();
        apply(event);
    }

    @CommandHandler
    void handle(ClosePlan command) {
        // The repeat is recognised before the open check: a retry of the closure finds the plan closed by itself.
        PlanClosed existing = command.closureId() == null ? null : closures.get(command.closureId());
        PlanClosed event = new PlanClosed(planId, command.closureId(), command.reason(),
                orFirst(command.effectiveOn(), existing));
        if (Rules.isRepeatOf(existing, event, "closure", command.closureId())) {
            return;
        }
        requireOpen();
        apply(event);
    }

    /**
     * The plan decides whether the action belongs under one of its objectives, records that it
     * does, and starts the action's own stream.
     */
    @CommandHandler
    void handle(AddAction command) throws Exception {
        ActionRegistered registered = actions.get(command.actionId());
        ActionAdded added = new ActionAdded(planId, command.objectiveId(), command.actionId(), command.title(),
                Rules.copy(command.outputs(), "outputs"),
                Rules.copy(command.monitoringIndicators(), "monitoringIndicators"),
                Rules.copy(command.resources(), "resources"), Rules.copy(command.leads(), "leads"),
                Rules.copy(command.partners(), "partners"), command.startDate(), command.endDate(),
                Rules.copy(command.risks(), "risks"), orFirst(command.effectiveOn(), registered));
        String digest = Rules.digest(added);
        if (Rules.isRepeatOf(registered == null ? null : registered.contentDigest(), digest, "action", command.actionId())) {
            return;
        }
        requireOpen();
        requireObjective(command.objectiveId());
        Rules.leadsNamed(command.leads());
        Rules.endNotBeforeStart(command.startDate(), command.endDate(), "endDate");
        apply(new ActionRegistered(planId, command.objectiveId(), command.actionId(), digest, added.effectiveOn()));
        createNew(Action.class, () -> new Action(added));
    }

    private void requireOpen() {
        if (closed) {
            throw new CommandRejectedException(RejectionCode.PLAN_CLOSED,
                    "the plan '" + planId + "' is closed and takes no further changes");
        }
    }

    private void requirePriority(String priorityId) {
        if (!priorities.containsKey(priorityId)) {
            throw new CommandRejectedException(RejectionCode.PRIORITY_NOT_FOUND, "priorityId",
                    "the plan has no priority '" + priorityId + "'");
        }
    }

    private void requireActivePriority(String priorityId) {
        requirePriority(priorityId);
        if (retiredPriorities.contains(priorityId)) {
            throw new CommandRejectedException(RejectionCode.PRIORITY_RETIRED, "priorityId",
                    "the priority '" + priorityId + "' is retired");
        }
    }

    private void requireObjective(String objectiveId) {
        if (!objectives.containsKey(objectiveId)) {
            throw new CommandRejectedException(RejectionCode.OBJECTIVE_NOT_FOUND, "objectiveId",
                    "the plan has no objective '" + objectiveId + "'");
        }
    }

    private void requireIndicator(String indicatorId) {
        if (!indicators.containsKey(indicatorId)) {
            throw new CommandRejectedException(RejectionCode.INDICATOR_NOT_FOUND, "indicatorId",
                    "the plan has no indicator '" + indicatorId + "'");
        }
    }

    @EventSourcingHandler
    void on(PlanDrafted event) {
        planId = event.planId();
        drafted = event;
    }

    @EventSourcingHandler
    void on(PriorityAdded event) {
        priorities.put(event.priorityId(), event);
    }

    @EventSourcingHandler
    void on(PriorityRetired event) {
        retiredPriorities.add(event.priorityId());
    }

    @EventSourcingHandler
    void on(ObjectiveAdded event) {
        objectives.put(event.objectiveId(), event);
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicators.put(event.indicatorId(), event);
    }

    @EventSourcingHandler
    void on(IndicatorReadingRecorded event) {
        if (event.readingId() != null) {
            readings.put(event.readingId(), event);
        }
    }

    @EventSourcingHandler
    void on(PlanMemberRecorded event) {
        members.put(event.memberId(), event);
    }

    @EventSourcingHandler
    void on(IndicatorLinked event) {
        links.put(event.indicatorId() + "@" + event.objectiveId(), event);
    }

    @EventSourcingHandler
    void on(IndicatorSeriesBroken event) {
        seriesBreaks.put(event.indicatorId() + "@" + event.breakOn(), event);
    }

    @EventSourcingHandler
    void on(BoardMeetingRecorded event) {
        boardMeetings.put(event.meetingId(), event);
    }

    @EventSourcingHandler
    void on(ActionRegistered event) {
        actions.put(event.actionId(), event);
    }

    @EventSourcingHandler
    void on(PlanRefreshed event) {
        if (event.refreshId() != null) {
            refreshes.put(event.refreshId(), event);
        }
    }

    @EventSourcingHandler
    void on(PlanClosed event) {
        closed = true;
        if (event.closureId() != null) {
            closures.put(event.closureId(), event);
        }
    }
}
