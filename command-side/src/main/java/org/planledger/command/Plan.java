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
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final Recorded<PriorityAdded> priorities = Recorded.<PriorityAdded>of("priority", "plan", "priorityId",
            RejectionCode.PRIORITY_NOT_FOUND).endedAs(RejectionCode.PRIORITY_RETIRED, "is retired");
    /** Each priority's focus strands as last recorded, so a revision that leaves them out keeps them. */
    private final Map<String, List<String>> priorityFocus = new HashMap<>();
    private final Recorded<ObjectiveAdded> objectives = Recorded.<ObjectiveAdded>of("objective", "plan", "objectiveId",
            RejectionCode.OBJECTIVE_NOT_FOUND).endedAs(RejectionCode.OBJECTIVE_RETIRED, "is retired");
    private final Recorded<IndicatorDefined> indicators = Recorded.<IndicatorDefined>of("indicator", "plan", "indicatorId",
            RejectionCode.INDICATOR_NOT_FOUND).endedAs(RejectionCode.INDICATOR_RETIRED, "is retired");
    /** When each retired indicator was retired: readings for periods ending by then are still taken. */
    private final Map<String, LocalDate> indicatorRetiredOn = new HashMap<>();
    private final Recorded<BoardMeetingRecorded> boardMeetings = Recorded.of("board meeting", "plan", "meetingId",
            RejectionCode.BOARD_MEETING_NOT_FOUND);
    /** Issued board packs by pack id: one per meeting or date, and a repeat of the same issue is a retry. */
    private final Recorded<BoardPackIssued> boardPacks = Recorded.of("board pack");
    /** Readings recorded with a client-chosen id, by that id, to recognise a retry. */
    private final Recorded<IndicatorReadingRecorded> readings = Recorded.of("reading");
    /** Each reading's figures as they now stand (after corrections), by reading id. */
    private final Map<String, Figures> readingsNow = new HashMap<>();
    /** Series breaks by indicator id and day ("burglary@2014-04-01"): one break per indicator per day. */
    private final Recorded<IndicatorSeriesBroken> seriesBreaks = Recorded.of("series break");
    /** Objectives sharing an indicator, by indicator id and objective id ("burglary@acq-2"). */
    private final Map<String, IndicatorLinked> links = new HashMap<>();
    /** Plan members by id, as last recorded. */
    private final Map<String, PlanMemberRecorded> members = new HashMap<>();
    /** Action id to its registration, whose digest of ActionAdded recognises a repeated AddAction. */
    private final Map<String, ActionRegistered> actions = new HashMap<>();
    /** Refreshes and closures recorded with a client-chosen id, by that id, to recognise a retry. */
    private final Recorded<PlanRefreshed> refreshes = Recorded.of("refresh");
    private final Recorded<PlanClosed> closures = Recorded.of("closure");
    /** The wording of the fictional label, once the plan is labelled so; null for a real plan. */
    private String fictionNote;
    /** The partnerships the plan is shared with, read only (PlanShared, until PlanShareWithdrawn). */
    private final java.util.Set<String> sharedWith = new java.util.HashSet<>();
    /** Whether a delivery lead's updates wait for a manager's approval (UpdateApprovalRequired). */
    private boolean updateApprovalRequired;

    Plan() {
        // for Axon: an empty plan that events are applied to
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftPlan command) {
        PlanDrafted event = new PlanDrafted(command.planId(), command.partnership(), command.title(),
                command.periodStart(), command.periodEnd(), command.cadence(), orFirst(command.effectiveOn(), drafted),
                command.partnershipIdOrDerived());
        if (Rules.isRepeatOf(drafted, event, "plan", command.planId())) {
            return;
        }
        Rules.endNotBeforeStart(command.periodStart(), command.periodEnd(), "periodEnd");
        apply(event);
    }

    @CommandHandler
    void handle(AddPriority command) {
        String id = command.priorityId();
        priorities.applyOnce(id, new PriorityAdded(planId, id, command.title(), Rules.copy(command.leads(), "leads"),
                Rules.copy(command.focus(), "focus"), priorities.effectiveOn(id, command.effectiveOn())), this::requireOpen);
    }

    @CommandHandler
    void handle(RevisePriority command) {
        requireOpen(priorities, command.priorityId());
        List<String> focus = command.focus() == null ? priorityFocus.get(command.priorityId())
                : Rules.copy(command.focus(), "focus");
        apply(new PriorityRevised(planId, command.priorityId(), command.title(),
                Rules.copy(command.leads(), "leads"), focus, orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(RetirePriority command) {
        retire(priorities, command.priorityId(), command.reason(), "to retire a priority", () ->
                new PriorityRetired(planId, command.priorityId(), command.reason(), orToday(command.effectiveOn())));
    }

    /**
     * Retiring a priority, an objective or an indicator: the plan is open, the record is there and not yet
     * retired, and a reason is given; then the event.
     */
    private void retire(Recorded<?> records, String id, String reason, String why,
                        java.util.function.Supplier<PlanEvent> retired) {
        requireOpen();
        records.requireLive(id);
        Rules.reasonGiven(reason, why);
        apply(retired.get());
    }

    /**
     * A retired objective takes no new actions or indicators; what it holds stays in the history. Its open
     * actions are not closed with it: a refresh that drops an objective says nothing of how its work ended.
     */
    @CommandHandler
    void handle(RetireObjective command) {
        retire(objectives, command.objectiveId(), command.reason(), "to retire an objective", () ->
                new ObjectiveRetired(planId, command.objectiveId(), command.reason(), orToday(command.effectiveOn())));
    }

    /** A retired indicator takes no new targets or links, and no readings for periods ending after it was retired. */
    @CommandHandler
    void handle(RetireIndicator command) {
        retire(indicators, command.indicatorId(), command.reason(), "to retire an indicator", () ->
                new IndicatorRetired(planId, command.indicatorId(), command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(AddObjective command) {
        String id = command.objectiveId();
        objectives.applyOnce(id, new ObjectiveAdded(planId, command.priorityId(), id, command.title(),
                Rules.copy(command.outcomes(), "outcomes"), objectives.effectiveOn(id, command.effectiveOn())), () -> {
            requireOpen();
            priorities.requireLive(command.priorityId());
        });
    }

    @CommandHandler
    void handle(ReviseObjective command) {
        requireOpen(objectives, command.objectiveId());
        apply(new ObjectiveRevised(planId, command.objectiveId(), command.title(),
                Rules.copy(command.outcomes(), "outcomes"), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(DefineIndicator command) {
        String id = command.indicatorId();
        indicators.applyOnce(id, new IndicatorDefined(planId, command.objectiveId(), command.priorityId(), id,
                command.name(), command.unit(), command.direction(), command.baseline(), command.target(),
                command.changeRequired(), command.dueOn(), command.lead(), indicators.effectiveOn(id, command.effectiveOn())),
                () -> {
                    requireOpen();
                    requirePlacement(command.objectiveId(), command.priorityId());
                });
    }

    @CommandHandler
    void handle(LinkIndicator command) {
        String key = command.indicatorId() + "@" + command.objectiveId();
        IndicatorDefined indicator = indicators.get(command.indicatorId());
        if (links.containsKey(key) || (indicator != null && command.objectiveId().equals(indicator.objectiveId()))) {
            return; // already shown under that objective: a link says nothing new, whatever its date
        }
        requireOpen();
        indicators.requireLive(command.indicatorId());
        objectives.requireLive(command.objectiveId());
        apply(new IndicatorLinked(planId, command.indicatorId(), command.objectiveId(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(RebaselineIndicator command) {
        requireOpen();
        indicators.requireLive(command.indicatorId());
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
        String id = command.readingId();
        LocalDate periodEnd = ReadingPeriod.lastDayOf(command.period());
        LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn()
                : periodEnd != null ? periodEnd : readings.effectiveOn(id, null);
        readings.applyOnce(id, new IndicatorReadingRecorded(planId, command.indicatorId(), id, command.value(),
                command.period(), command.costPence(), command.note(), command.source(), command.series(), effectiveOn),
                () -> {
                    requireOpen(indicators, command.indicatorId());
                    requireMeasuredOn(command.indicatorId(), periodEnd != null ? periodEnd : effectiveOn);
                    if (command.costPence() != null) {
                        Rules.notNegative(command.costPence(), "costPence");
                    }
                });
    }

    /**
     * A figure published later is revised in place: the reading keeps its id and period, the figures change
     * from the day of the correction. Allowed on a retired indicator, whose past figures can still be wrong.
     */
    @CommandHandler
    void handle(CorrectIndicatorReading command) {
        requireOpen(indicators, command.indicatorId());
        IndicatorReadingRecorded reading = readings.get(command.readingId());
        if (reading == null || !reading.indicatorId().equals(command.indicatorId())) {
            throw new CommandRejectedException(RejectionCode.READING_NOT_FOUND, "readingId",
                    "the indicator '" + command.indicatorId() + "' has no reading '" + command.readingId() + "'");
        }
        if (readingsNow.get(command.readingId()).sameAs(command.value(), command.costPence(), command.note())) {
            return; // the reading already says this: a retry, or a correction already made
        }
        Rules.reasonGiven(command.reason(), "to correct a reading");
        if (command.costPence() != null) {
            Rules.notNegative(command.costPence(), "costPence");
        }
        apply(new IndicatorReadingCorrected(planId, command.indicatorId(), command.readingId(), command.value(),
                command.costPence(), command.note(), command.reason(), orToday(command.effectiveOn())));
    }

    /** A retired indicator still takes a late figure for a period that ended by its retirement, and no later one. */
    private void requireMeasuredOn(String indicatorId, LocalDate readingDate) {
        LocalDate retiredOn = indicatorRetiredOn.get(indicatorId);
        if (retiredOn != null && (readingDate == null || readingDate.isAfter(retiredOn))) {
            throw new CommandRejectedException(RejectionCode.INDICATOR_RETIRED, "period",
                    "the indicator '" + indicatorId + "' was retired on " + retiredOn
                            + " and takes no readings for periods ending after it");
        }
    }

    @CommandHandler
    void handle(RecordSeriesBreak command) {
        String key = command.indicatorId() + "@" + command.breakOn();
        seriesBreaks.applyOnce(key, new IndicatorSeriesBroken(planId, command.indicatorId(), command.breakOn(),
                command.reason(), command.newBaselinePending(),
                command.effectiveOn() != null ? command.effectiveOn() : command.breakOn()), () -> {
            requireOpen(indicators, command.indicatorId());
            Rules.reasonGiven(command.reason(), "to record a series break");
        });
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

    /** A reading's value, cost and note; values compare by number, so 9.1 and 9.10 are the same figure. */
    private record Figures(java.math.BigDecimal value, Long costPence, String note) {
        boolean sameAs(java.math.BigDecimal otherValue, Long otherCost, String otherNote) {
            return value.compareTo(otherValue) == 0 && Objects.equals(costPence, otherCost) && Objects.equals(note, otherNote);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @CommandHandler
    void handle(RecordBoardMeeting command) {
        boardMeetings.applyOnce(command.meetingId(), new BoardMeetingRecorded(planId, command.meetingId(),
                command.heldOn(), command.title(), command.heldOn()), this::requireOpen);
    }

    /**
     * A closed plan still takes packs: issuing one records what the board was shown, it changes nothing
     * in the plan.
     */
    @CommandHandler
    void handle(IssueBoardPack command) {
        boardPacks.applyOnce(command.packId(), new BoardPackIssued(planId, command.packId(), command.meetingId(),
                command.asAt(), command.knownAt(), command.issuedAt(), command.issuedBy(), command.pdfSha256(),
                command.checkpointId(), command.checkpointRoot(), command.asAt(), command.layout()), () -> {
            if (command.meetingId() != null) {
                boardMeetings.require(command.meetingId());
                if (!boardMeetings.get(command.meetingId()).heldOn().equals(command.asAt())) {
                    throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "asAt",
                            "a meeting's pack is as at the day the meeting was held, " + boardMeetings.get(command.meetingId()).heldOn());
                }
            }
        });
    }

    @CommandHandler
    void handle(RefreshPlan command) {
        String id = command.refreshId();
        refreshes.applyOnce(id, new PlanRefreshed(planId, id, command.note(),
                refreshes.effectiveOn(id, command.effectiveOn())), this::requireOpen);
    }

    @CommandHandler
    void handle(ClosePlan command) {
        // The repeat is recognised before the open check: a retry of the closure finds the plan closed by itself.
        String id = command.closureId();
        closures.applyOnce(id, new PlanClosed(planId, id, command.reason(),
                closures.effectiveOn(id, command.effectiveOn())), this::requireOpen);
    }

    /**
     * Labelling says what the plan is, not how it changes, so a closed plan takes it too. It is effective from
     * the plan's first day: the plan was invented as a whole, and a replay as at any date must say so.
     */
    @CommandHandler
    void handle(LabelPlanFictional command) {
        if (command.note().equals(fictionNote)) {
            return;
        }
        apply(new PlanLabelledFictional(planId, command.note(), drafted.effectiveOn()));
    }

    /** A share with a partnership that already has it is a retry; the plan's own partnership needs none. */
    @CommandHandler
    void handle(SharePlan command) {
        if (command.withPartnershipId().equals(drafted.partnershipId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "withPartnershipId",
                    "the plan belongs to '" + command.withPartnershipId() + "' already");
        }
        if (sharedWith.contains(command.withPartnershipId())) {
            return;
        }
        apply(new PlanShared(planId, command.withPartnershipId(), command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(WithdrawPlanShare command) {
        if (!sharedWith.contains(command.withPartnershipId())) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "withPartnershipId",
                    "the plan is not shared with '" + command.withPartnershipId() + "'");
        }
        apply(new PlanShareWithdrawn(planId, command.withPartnershipId(), command.reason(), orToday(command.effectiveOn())));
    }

    /**
     * Approval of updates on or off. Answers the plan's action ids, to each of which the sender passes
     * the setting ({@code SetUpdateApproval}); the plan records the change once, and a closed plan takes none.
     */
    @CommandHandler
    List<String> handle(RequireUpdateApproval command) {
        if (command.required() != updateApprovalRequired) {
            requireOpen();
            apply(new UpdateApprovalRequired(planId, command.required(), BusinessDates.today()));
        }
        return actions.keySet().stream().sorted().toList();
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
        objectives.requireLive(command.objectiveId());
        Rules.leadsNamed(command.leads());
        Rules.endNotBeforeStart(command.startDate(), command.endDate(), "endDate");
        apply(new ActionRegistered(planId, command.objectiveId(), command.actionId(), digest, added.effectiveOn()));
        boolean approval = updateApprovalRequired;
        createNew(Action.class, () -> new Action(added, approval));
    }

    private void requireOpen() {
        if (closed) {
            throw new CommandRejectedException(RejectionCode.PLAN_CLOSED,
                    "the plan '" + planId + "' is closed and takes no further changes");
        }
    }

    /** The plan takes changes, and has the priority, objective or indicator the command names. */
    private void requireOpen(Recorded<?> records, String id) {
        requireOpen();
        records.require(id);
    }

    /** An indicator sits under an objective, a priority (then the objective's own, when both are named) or the plan. */
    private void requirePlacement(String objectiveId, String priorityId) {
        if (objectiveId != null) {
            objectives.requireLive(objectiveId);
        }
        if (priorityId != null) {
            priorities.require(priorityId);
            if (objectiveId != null && !objectives.get(objectiveId).priorityId().equals(priorityId)) {
                throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "priorityId",
                        "the objective '" + objectiveId + "' is not under the priority '" + priorityId + "'");
            }
        }
    }

    /** What the command handlers decide on; the other events change nothing they look at. */
    @EventSourcingHandler
    void on(PlanEvent event) {
        switch (event) {
            case PlanDrafted plan -> {
                planId = plan.planId();
                drafted = plan;
            }
            case PriorityAdded priority -> {
                priorities.add(priority.priorityId(), priority);
                priorityFocus.put(priority.priorityId(), priority.focus());
            }
            case PriorityRevised revised -> priorityFocus.put(revised.priorityId(), revised.focus());
            case PriorityRetired retired -> priorities.end(retired.priorityId());
            case ObjectiveAdded objective -> objectives.add(objective.objectiveId(), objective);
            case ObjectiveRetired retired -> objectives.end(retired.objectiveId());
            case IndicatorDefined indicator -> indicators.add(indicator.indicatorId(), indicator);
            case IndicatorRetired retired -> {
                indicators.end(retired.indicatorId());
                indicatorRetiredOn.put(retired.indicatorId(), retired.effectiveOn());
            }
            case IndicatorReadingRecorded reading -> {
                readings.add(reading.readingId(), reading);
                if (reading.readingId() != null) {
                    readingsNow.put(reading.readingId(), new Figures(reading.value(), reading.costPence(), reading.note()));
                }
            }
            case IndicatorReadingCorrected corrected -> readingsNow.put(corrected.readingId(),
                    new Figures(corrected.value(), corrected.costPence(), corrected.note()));
            case PlanMemberRecorded member -> members.put(member.memberId(), member);
            case IndicatorLinked link -> links.put(link.indicatorId() + "@" + link.objectiveId(), link);
            case IndicatorSeriesBroken broken -> seriesBreaks.add(broken.indicatorId() + "@" + broken.breakOn(), broken);
            case BoardMeetingRecorded meeting -> boardMeetings.add(meeting.meetingId(), meeting);
            case BoardPackIssued pack -> boardPacks.add(pack.packId(), pack);
            case ActionRegistered action -> actions.put(action.actionId(), action);
            case PlanRefreshed refresh -> refreshes.add(refresh.refreshId(), refresh);
            case PlanLabelledFictional label -> fictionNote = label.note();
            case PlanShared shared -> sharedWith.add(shared.withPartnershipId());
            case PlanShareWithdrawn withdrawn -> sharedWith.remove(withdrawn.withPartnershipId());
            case UpdateApprovalRequired approval -> updateApprovalRequired = approval.required();
            case PlanClosed closure -> {
                closed = true;
                closures.add(closure.closureId(), closure);
            }
            default -> {
                // priorities, objectives and indicators revised or rebaselined: nothing to decide on
            }
        }
    }
}
