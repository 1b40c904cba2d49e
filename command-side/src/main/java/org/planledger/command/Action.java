package org.planledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.planledger.command.BusinessDates.orFirst;
import static org.planledger.command.BusinessDates.orToday;

/**
 * One action of a plan, in its own stream: its leads, dates and status, its current position
 * (dated progress notes), RAG, money, risks and referrals. Started by the {@link Plan}.
 */
class Action {

    @AggregateIdentifier
    private String actionId;
    private String planId;
    private ActionStatus status;
    /** User ids of the people who lead the action: the delivery leads allowed to update it. */
    private Set<String> leadUserIds = Set.of();
    private final Map<String, ProgressRecorded> notes = new HashMap<>();
    private final Set<String> withdrawnNotes = new HashSet<>();
    private final Map<String, FundingAllocated> funding = new HashMap<>();
    private final Map<String, SpendRecorded> spend = new HashMap<>();
    private final Map<String, RiskIdentified> risks = new HashMap<>();
    private final Set<String> closedRisks = new HashSet<>();
    private final Map<String, ReferralsTallied> tallies = new HashMap<>();
    /** Referral id to the digest of its ReferralRecorded, to recognise a repeated RecordReferral. */
    private final Map<String, String> referralDigests = new HashMap<>();
    /** Ratings, completions, cessations and reopenings recorded with a client-chosen id, by that id, to recognise a retry. */
    private final Map<String, RagAssessed> assessments = new HashMap<>();
    private final Map<String, ActionCompleted> completions = new HashMap<>();
    private final Map<String, ActionCeased> cessations = new HashMap<>();
    private final Map<String, ActionReopened> reopenings = new HashMap<>();

    Action() {
        // for Axon: an empty action that events are applied to
    }

    /** Called by the Plan once it has accepted the action under one of its objectives. */
    Action(ActionAdded added) {
        apply(added);
    }

    @CommandHandler
    void handle(RescheduleAction command) {
        requireOpen("reschedule");
        Rules.endNotBeforeStart(command.startDate(), command.endDate(), "endDate");
        apply(new ActionRescheduled(planId, actionId, command.startDate(), command.endDate(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(ChangeActionLeads command) {
        requireOpen("change the leads of");
        Rules.leadsNamed(command.leads());
        apply(new ActionLeadsChanged(planId, actionId, List.copyOf(command.leads()), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(ReviseActionDetails command) {
        requireOpen("revise");
        apply(new ActionDetailsRevised(planId, actionId, command.title(), Rules.copy(command.outputs(), "outputs"),
                Rules.copy(command.monitoringIndicators(), "monitoringIndicators"),
                Rules.copy(command.resources(), "resources"), Rules.copy(command.partners(), "partners"),
                Rules.copy(command.risks(), "risks"), command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(RecordProgress command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        LocalDate effectiveOn = periodStart(command.period());
        ProgressRecorded event = new ProgressRecorded(planId, actionId, command.noteId(), command.period().trim(),
                command.text(), effectiveOn);
        if (Rules.isRepeatOf(notes.get(command.noteId()), event, "progress note", command.noteId())) {
            return;
        }
        requireOpen("record progress on");
        apply(event);
    }

    /** Corrections and withdrawals fix the record, so they stay possible after the action has closed. */
    @CommandHandler
    void handle(CorrectProgressNote command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        requireLiveNote(command.noteId());
        Rules.reasonGiven(command.reason(), "to correct a progress note");
        apply(new ProgressNoteCorrected(planId, actionId, command.noteId(), command.text(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(WithdrawProgressNote command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        requireLiveNote(command.noteId());
        Rules.reasonGiven(command.reason(), "to withdraw a progress note");
        apply(new ProgressNoteWithdrawn(planId, actionId, command.noteId(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(AssessRag command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        // The repeat is recognised before the open check: an import repeats a rating the action had before it closed.
        RagAssessed existing = command.assessmentId() == null ? null : assessments.get(command.assessmentId());
        RagAssessed event = new RagAssessed(planId, actionId, command.assessmentId(), command.rag(), command.reason(),
                orFirst(command.effectiveOn(), existing));
        if (Rules.isRepeatOf(existing, event, "RAG assessment", command.assessmentId())) {
            return;
        }
        requireOpen("rate");
        if (command.rag() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "rag", "a RAG status is required");
        }
        if (command.rag().needsReason()) {
            Rules.reasonGiven(command.reason(), "for a " + command.rag() + " rating");
        }
        apply(event);
    }

    @CommandHandler
    void handle(AllocateFunding command) {
        Rules.notNegative(command.amountPence(), "amountPence");
        FundingAllocated event = new FundingAllocated(planId, actionId, command.fundingId(), command.amountPence(),
                command.source(), command.financialYear(), orFirst(command.effectiveOn(), funding.get(command.fundingId())));
        if (Rules.isRepeatOf(funding.get(command.fundingId()), event, "funding", command.fundingId())) {
            return;
        }
        requireOpen("allocate funding to");
        apply(event);
    }

    @CommandHandler
    void handle(RecordSpend command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        Rules.notNegative(command.amountPence(), "amountPence");
        SpendRecorded event = new SpendRecorded(planId, actionId, command.spendId(), command.amountPence(),
                command.description(), command.financialYear(), orFirst(command.effectiveOn(), spend.get(command.spendId())));
        if (Rules.isRepeatOf(spend.get(command.spendId()), event, "spend", command.spendId())) {
            return;
        }
        requireOpen("record spend on");
        apply(event);
    }

    @CommandHandler
    void handle(IdentifyRisk command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        RiskIdentified event = new RiskIdentified(planId, actionId, command.riskId(), command.description(),
                requireScore(command.likelihood(), "likelihood"), requireScore(command.impact(), "impact"),
                command.owner(), command.mitigation(), orFirst(command.effectiveOn(), risks.get(command.riskId())));
        if (Rules.isRepeatOf(risks.get(command.riskId()), event, "risk", command.riskId())) {
            return;
        }
        requireOpen("identify a risk on");
        apply(event);
    }

    @CommandHandler
    void handle(ReassessRisk command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        requireLiveRisk(command.riskId());
        apply(new RiskReassessed(planId, actionId, command.riskId(), requireScore(command.likelihood(), "likelihood"),
                requireScore(command.impact(), "impact"), command.owner(), command.mitigation(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(CloseRisk command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        requireLiveRisk(command.riskId());
        Rules.reasonGiven(command.reason(), "to close a risk");
        apply(new RiskClosed(planId, actionId, command.riskId(), command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(TallyReferrals command, MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        Rules.notNegative(command.totalCostPence(), "totalCostPence");
        if (command.count() < 0) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "count", "a referral count cannot be negative");
        }
        Rules.endNotBeforeStart(command.periodFrom(), command.periodTo(), "periodTo");
        // A tally speaks for the period it counts, so by default it becomes true at the period's end.
        LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn() : command.periodTo();
        ReferralsTallied event = new ReferralsTallied(planId, actionId, command.tallyId(), command.periodFrom(),
                command.periodTo(), command.count(), command.totalCostPence(), command.note(), effectiveOn);
        if (Rules.isRepeatOf(tallies.get(command.tallyId()), event, "referral tally", command.tallyId())) {
            return;
        }
        requireOpen("record referrals on");
        apply(event);
    }

    /** The action accepts the case if it is open, records that it did, and starts the case's own stream. */
    @CommandHandler
    void handle(RecordReferral command, MetaData metaData) throws Exception {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
        ReferralRecorded recorded = new ReferralRecorded(planId, actionId, command.referralId(), command.receivedOn(),
                command.referringAgency(), command.subjectRef(), command.reason(), command.receivedOn());
        String digest = Rules.digest(recorded);
        if (Rules.isRepeatOf(referralDigests.get(command.referralId()), digest, "referral", command.referralId())) {
            return;
        }
        requireOpen("record a referral on");
        apply(new ReferralRegistered(planId, actionId, command.referralId(), digest, command.receivedOn()));
        createNew(Referral.class, () -> new Referral(recorded));
    }

    /** Completion, cessation and reopening recognise a repeat first: a retry finds the status it set itself. */
    @CommandHandler
    void handle(CompleteAction command) {
        ActionCompleted existing = command.completionId() == null ? null : completions.get(command.completionId());
        ActionCompleted event = new ActionCompleted(planId, actionId, command.completionId(), command.note(),
                orFirst(command.effectiveOn(), existing));
        if (Rules.isRepeatOf(existing, event, "completion", command.completionId())) {
            return;
        }
        requireOpen("complete");
        apply(event);
    }

    @CommandHandler
    void handle(CeaseAction command) {
        ActionCeased existing = command.cessationId() == null ? null : cessations.get(command.cessationId());
        ActionCeased event = new ActionCeased(planId, actionId, command.cessationId(), command.reason(),
                orFirst(command.effectiveOn(), existing));
        if (Rules.isRepeatOf(existing, event, "cessation", command.cessationId())) {
            return;
        }
        requireOpen("cease");
        Rules.reasonGiven(command.reason(), "to cease an action");
        apply(event);
    }

    @CommandHandler
    void handle(ReopenAction command) {
        ActionReopened existing = command.reopeningId() == null ? null : reopenings.get(command.reopeningId());
        ActionReopened event = new ActionReopened(planId, actionId, command.reopeningId(), command.reason(),
                orFirst(command.effectiveOn(), existing));
        if (Rules.isRepeatOf(existing, event, "reopening", command.reopeningId())) {
            return;
        }
        if (status.isOpen()) {
            throw new CommandRejectedException(RejectionCode.ACTION_ALREADY_OPEN,
                    "the action '" + actionId + "' is already open");
        }
        Rules.reasonGiven(command.reason(), "to reopen an action");
        apply(event);
    }

    private void requireOpen(String doing) {
        if (!status.isOpen()) {
            throw new CommandRejectedException(RejectionCode.ACTION_NOT_OPEN,
                    "cannot " + doing + " the action '" + actionId + "': it is " + status.name().toLowerCase());
        }
    }

    private void requireLiveNote(String noteId) {
        if (!notes.containsKey(noteId)) {
            throw new CommandRejectedException(RejectionCode.NOTE_NOT_FOUND, "noteId",
                    "the action has no progress note '" + noteId + "'");
        }
        if (withdrawnNotes.contains(noteId)) {
            throw new CommandRejectedException(RejectionCode.NOTE_WITHDRAWN, "noteId",
                    "the progress note '" + noteId + "' has been withdrawn");
        }
    }

    private void requireLiveRisk(String riskId) {
        if (!risks.containsKey(riskId)) {
            throw new CommandRejectedException(RejectionCode.RISK_NOT_FOUND, "riskId",
                    "the action has no risk '" + riskId + "'");
        }
        if (closedRisks.contains(riskId)) {
            throw new CommandRejectedException(RejectionCode.RISK_CLOSED, "riskId",
                    "the risk '" + riskId + "' is closed");
        }
    }

    private static int requireScore(int score, String field) {
        if (score < 1 || score > 5) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, field, field + " is scored 1 to 5, not " + score);
        }
        return score;
    }

    private static LocalDate periodStart(String period) {
        try {
            return ProgressPeriod.effectiveDate(period);
        } catch (IllegalArgumentException e) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "period", e.getMessage());
        }
    }

    @EventSourcingHandler
    void on(ActionAdded event) {
        actionId = event.actionId();
        planId = event.planId();
        status = ActionStatus.OPEN;
        leadUserIds = ActionLeadership.userIdsOf(event.leads());
    }

    @EventSourcingHandler
    void on(ActionLeadsChanged event) {
        leadUserIds = ActionLeadership.userIdsOf(event.leads());
    }


    @EventSourcingHandler
    void on(ProgressRecorded event) {
        notes.put(event.noteId(), event);
    }

    @EventSourcingHandler
    void on(ProgressNoteWithdrawn event) {
        withdrawnNotes.add(event.noteId());
    }

    @EventSourcingHandler
    void on(FundingAllocated event) {
        funding.put(event.fundingId(), event);
    }

    @EventSourcingHandler
    void on(SpendRecorded event) {
        spend.put(event.spendId(), event);
    }

    @EventSourcingHandler
    void on(RiskIdentified event) {
        risks.put(event.riskId(), event);
    }

    @EventSourcingHandler
    void on(RiskClosed event) {
        closedRisks.add(event.riskId());
    }

    @EventSourcingHandler
    void on(ReferralsTallied event) {
        tallies.put(event.tallyId(), event);
    }

    @EventSourcingHandler
    void on(ReferralRegistered event) {
        referralDigests.put(event.referralId(), event.contentDigest());
    }

    @EventSourcingHandler
    void on(RagAssessed event) {
        if (event.assessmentId() != null) {
            assessments.put(event.assessmentId(), event);
        }
    }

    @EventSourcingHandler
    void on(ActionCompleted event) {
        status = ActionStatus.COMPLETED;
        if (event.completionId() != null) {
            completions.put(event.completionId(), event);
        }
    }

    @EventSourcingHandler
    void on(ActionCeased event) {
        status = ActionStatus.CEASED;
        if (event.cessationId() != null) {
            cessations.put(event.cessationId(), event);
        }
    }

    @EventSourcingHandler
    void on(ActionReopened event) {
        status = ActionStatus.OPEN;
        if (event.reopeningId() != null) {
            reopenings.put(event.reopeningId(), event);
        }
    }
}
