package org.planledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.planledger.command.api.*;
import org.planledger.events.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
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
    private final Recorded<ProgressRecorded> notes = Recorded.<ProgressRecorded>of("progress note", "action", "noteId",
            RejectionCode.NOTE_NOT_FOUND).endedAs(RejectionCode.NOTE_WITHDRAWN, "has been withdrawn");
    private final Recorded<FundingAllocated> funding = Recorded.of("funding");
    private final Recorded<SpendRecorded> spend = Recorded.of("spend");
    private final Recorded<RiskIdentified> risks = Recorded.<RiskIdentified>of("risk", "action", "riskId",
            RejectionCode.RISK_NOT_FOUND).endedAs(RejectionCode.RISK_CLOSED, "is closed");
    private final Recorded<ReferralsTallied> tallies = Recorded.of("referral tally");
    /** Referral id to the digest of its ReferralRecorded, to recognise a repeated RecordReferral. */
    private final Map<String, String> referralDigests = new HashMap<>();
    /** Ratings, completions, cessations and reopenings recorded with a client-chosen id, by that id, to recognise a retry. */
    private final Recorded<RagAssessed> assessments = Recorded.of("RAG assessment");
    private final Recorded<ActionCompleted> completions = Recorded.of("completion");
    private final Recorded<ActionCeased> cessations = Recorded.of("cessation");
    private final Recorded<ActionReopened> reopenings = Recorded.of("reopening");

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
        requireLead(metaData);
        LocalDate effectiveOn = periodStart(command.period());
        notes.applyOnce(command.noteId(), new ProgressRecorded(planId, actionId, command.noteId(),
                command.period().trim(), command.text(), command.achieved(), command.planned(), command.undated(),
                effectiveOn),
                () -> requireOpen("record progress on"));
    }

    /** Corrections and withdrawals fix the record, so they stay possible after the action has closed. */
    @CommandHandler
    void handle(CorrectProgressNote command, MetaData metaData) {
        requireLead(metaData, notes, command.noteId());
        Rules.reasonGiven(command.reason(), "to correct a progress note");
        apply(new ProgressNoteCorrected(planId, actionId, command.noteId(), command.text(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(WithdrawProgressNote command, MetaData metaData) {
        requireLead(metaData, notes, command.noteId());
        Rules.reasonGiven(command.reason(), "to withdraw a progress note");
        apply(new ProgressNoteWithdrawn(planId, actionId, command.noteId(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(AssessRag command, MetaData metaData) {
        requireLead(metaData);
        // The repeat is recognised before the open check: an import repeats a rating the action had before it closed.
        String id = command.assessmentId();
        assessments.applyOnce(id, new RagAssessed(planId, actionId, id, command.rag(), command.reason(),
                assessments.effectiveOn(id, command.effectiveOn())), () -> {
            requireOpen("rate");
            if (command.rag() == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "rag", "a RAG status is required");
            }
            if (command.rag().needsReason()) {
                // "an AMBER rating", "a RED rating"
                Rules.reasonGiven(command.reason(), (command.rag().name().startsWith("A") ? "for an " : "for a ")
                        + command.rag() + " rating");
            }
        });
    }

    @CommandHandler
    void handle(AllocateFunding command) {
        String id = command.fundingId();
        funding.applyOnce(id, new FundingAllocated(planId, actionId, id, Rules.notNegative(command.amountPence(),
                "amountPence"), command.source(), command.financialYear(), funding.effectiveOn(id, command.effectiveOn())),
                () -> requireOpen("allocate funding to"));
    }

    @CommandHandler
    void handle(RecordSpend command, MetaData metaData) {
        requireLead(metaData);
        String id = command.spendId();
        spend.applyOnce(id, new SpendRecorded(planId, actionId, id, Rules.notNegative(command.amountPence(), "amountPence"),
                command.description(), command.financialYear(), spend.effectiveOn(id, command.effectiveOn())),
                () -> requireOpen("record spend on"));
    }

    @CommandHandler
    void handle(IdentifyRisk command, MetaData metaData) {
        requireLead(metaData);
        String id = command.riskId();
        risks.applyOnce(id, new RiskIdentified(planId, actionId, id, command.description(),
                requireScore(command.likelihood(), "likelihood"), requireScore(command.impact(), "impact"),
                command.owner(), command.mitigation(), risks.effectiveOn(id, command.effectiveOn())),
                () -> requireOpen("identify a risk on"));
    }

    @CommandHandler
    void handle(ReassessRisk command, MetaData metaData) {
        requireLead(metaData, risks, command.riskId());
        apply(new RiskReassessed(planId, actionId, command.riskId(), requireScore(command.likelihood(), "likelihood"),
                requireScore(command.impact(), "impact"), command.owner(), command.mitigation(), command.reason(),
                orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(CloseRisk command, MetaData metaData) {
        requireLead(metaData, risks, command.riskId());
        Rules.reasonGiven(command.reason(), "to close a risk");
        apply(new RiskClosed(planId, actionId, command.riskId(), command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(TallyReferrals command, MetaData metaData) {
        requireLead(metaData);
        if (command.totalCostPence() != null) {
            Rules.notNegative(command.totalCostPence(), "totalCostPence");
        }
        if (command.count() < 0) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "count", "a referral count cannot be negative");
        }
        Rules.endNotBeforeStart(command.periodFrom(), command.periodTo(), "periodTo");
        // A tally speaks for the period it counts, so by default it becomes true at the period's end.
        LocalDate effectiveOn = command.effectiveOn() != null ? command.effectiveOn() : command.periodTo();
        tallies.applyOnce(command.tallyId(), new ReferralsTallied(planId, actionId, command.tallyId(),
                command.periodFrom(), command.periodTo(), command.count(), command.totalCostPence(), command.note(),
                effectiveOn), () -> requireOpen("record referrals on"));
    }

    /** The action accepts the case if it is open, records that it did, and starts the case's own stream. */
    @CommandHandler
    void handle(RecordReferral command, MetaData metaData) throws Exception {
        requireLead(metaData);
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
        String id = command.completionId();
        completions.applyOnce(id, new ActionCompleted(planId, actionId, id, command.note(),
                completions.effectiveOn(id, command.effectiveOn())), () -> requireOpen("complete"));
    }

    @CommandHandler
    void handle(CeaseAction command) {
        String id = command.cessationId();
        cessations.applyOnce(id, new ActionCeased(planId, actionId, id, command.reason(),
                cessations.effectiveOn(id, command.effectiveOn())), () -> {
            requireOpen("cease");
            Rules.reasonGiven(command.reason(), "to cease an action");
        });
    }

    @CommandHandler
    void handle(ReopenAction command) {
        String id = command.reopeningId();
        reopenings.applyOnce(id, new ActionReopened(planId, actionId, id, command.reason(),
                reopenings.effectiveOn(id, command.effectiveOn())), () -> {
            if (status.isOpen()) {
                throw new CommandRejectedException(RejectionCode.ACTION_ALREADY_OPEN,
                        "the action '" + actionId + "' is already open");
            }
            Rules.reasonGiven(command.reason(), "to reopen an action");
        });
    }

    private void requireOpen(String doing) {
        if (!status.isOpen()) {
            throw new CommandRejectedException(RejectionCode.ACTION_NOT_OPEN,
                    "cannot " + doing + " the action '" + actionId + "': it is " + status.name().toLowerCase());
        }
    }

    /** Delivery work: the action's leads (by user id) and plan managers only. */
    private void requireLead(MetaData metaData) {
        ActionLeadership.requireLeadOrManager(metaData, leadUserIds, actionId);
    }

    /** Delivery work on a note or risk of the action: the lead rule first, then the record must be live. */
    private void requireLead(MetaData metaData, Recorded<?> records, String id) {
        requireLead(metaData);
        records.requireLive(id);
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

    /** What the command handlers decide on; the other events change nothing they look at. */
    @EventSourcingHandler
    void on(ActionEvent event) {
        switch (event) {
            case ActionAdded added -> {
                actionId = added.actionId();
                planId = added.planId();
                status = ActionStatus.OPEN;
                leadUserIds = ActionLeadership.userIdsOf(added.leads());
            }
            case ActionLeadsChanged changed -> leadUserIds = ActionLeadership.userIdsOf(changed.leads());
            case ProgressRecorded note -> notes.add(note.noteId(), note);
            case ProgressNoteWithdrawn withdrawn -> notes.end(withdrawn.noteId());
            case FundingAllocated allocated -> funding.add(allocated.fundingId(), allocated);
            case SpendRecorded spent -> spend.add(spent.spendId(), spent);
            case RiskIdentified risk -> risks.add(risk.riskId(), risk);
            case RiskClosed closed -> risks.end(closed.riskId());
            case ReferralsTallied tally -> tallies.add(tally.tallyId(), tally);
            case ReferralRegistered referral -> referralDigests.put(referral.referralId(), referral.contentDigest());
            case RagAssessed rating -> assessments.add(rating.assessmentId(), rating);
            case ActionCompleted completed -> {
                status = ActionStatus.COMPLETED;
                completions.add(completed.completionId(), completed);
            }
            case ActionCeased ceased -> {
                status = ActionStatus.CEASED;
                cessations.add(ceased.cessationId(), ceased);
            }
            case ActionReopened reopened -> {
                status = ActionStatus.OPEN;
                reopenings.add(reopened.reopeningId(), reopened);
            }
            default -> {
                // rescheduled, details revised, notes corrected, risks reassessed: nothing to decide on
            }
        }
    }
}
