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
import static org.planledger.command.BusinessDates.orToday;

/**
 * One action of a plan, in its own stream: its leads, dates and status, its current position
 * (dated progress notes), RAG, money, risks and referrals. Started by the {@link Plan}.
 */
class Action {

    @AggregateIdentifier
    private String actionId;
    private String planId;
    /** The objective the action serves: its priority's leads may approve updates on it. */
    private String objectiveId;
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
    /** Reminders recorded, as "dueOn|recipient|escalation": each is sent once per cycle, whoever asks again. */
    private final Set<String> remindersSent = new HashSet<>();

    Action() {
        // for Axon: an empty action that events are applied to
    }

    /** Whether a delivery lead's notes and ratings are submitted for a manager's approval. */
    private boolean approvalRequired;
    /** Submitted updates by submission id, while pending; approved or returned ones are removed. */
    private final Map<String, ProgressSubmitted> pending = new HashMap<>();
    /** Every submission id ever used, so an id is never reused for another update. */
    private final Set<String> submissionIds = new HashSet<>();

    /** Called by the Plan once it has accepted the action under one of its objectives. */
    Action(ActionAdded added) {
        this(added, false);
    }

    /** As above, for a plan that requires approval of updates: the action starts with that setting. */
    Action(ActionAdded added, boolean approvalRequired) {
        apply(added);
        if (approvalRequired) {
            apply(new UpdateApprovalSet(added.planId(), added.actionId(), true, added.effectiveOn()));
        }
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
        if (submitsForApproval(metaData)) {
            String id = command.noteId() != null ? command.noteId() : "note-" + (submissionIds.size() + 1);
            submit(id, new ProgressSubmitted(planId, actionId, id, command.period().trim(),
                    command.text(), command.achieved(), command.planned(), null, null, actor(metaData), effectiveOn));
            return;
        }
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
        if (submitsForApproval(metaData)) {
            requireOpen("rate");
            requireRating(command.rag(), command.reason());
            String id = command.assessmentId() != null ? command.assessmentId() : "rag-" + (submissionIds.size() + 1);
            submit(id, new ProgressSubmitted(planId, actionId, id, null, null, null, null, command.rag(), command.reason(),
                    actor(metaData), orToday(command.effectiveOn())));
            return;
        }
        // The repeat is recognised before the open check: an import repeats a rating the action had before it closed.
        String id = command.assessmentId();
        assessments.applyOnce(id, new RagAssessed(planId, actionId, id, command.rag(), command.reason(),
                assessments.effectiveOn(id, command.effectiveOn())), () -> {
            requireOpen("rate");
            requireRating(command.rag(), command.reason());
        });
    }

    private static void requireRating(RagStatus rag, String reason) {
        if (rag == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_VALUE, "rag", "a RAG status is required");
        }
        if (rag.needsReason()) {
            // "an AMBER rating", "a RED rating"
            Rules.reasonGiven(reason, (rag.name().startsWith("A") ? "for an " : "for a ") + rag + " rating");
        }
    }

    @CommandHandler
    void handle(SetUpdateApproval command) {
        if (command.required() != approvalRequired) {
            apply(new UpdateApprovalSet(planId, actionId, command.required(), orToday(null)));
        }
    }

    /**
     * A plan manager (or a lead of the action's priority) approves a pending update: recorded as approved, then as the note or rating it
     * carries, in one commit, so the board shows it from this version on.
     */
    @CommandHandler
    void handle(ApproveProgress command, MetaData metaData, PriorityLeads priorityLeads) {
        ProgressSubmitted submitted = requirePending(command.submissionId(), metaData, priorityLeads);
        requireOpen("approve an update on");
        apply(new ProgressApproved(planId, actionId, submitted.submissionId(), submitted.submittedBy(), orToday(null)));
        if (submitted.carriesNote()) {
            apply(new ProgressRecorded(planId, actionId, submitted.submissionId(), submitted.period(), submitted.text(),
                    submitted.achieved(), submitted.planned(), submitted.effectiveOn()));
        } else {
            apply(new RagAssessed(planId, actionId, submitted.submissionId(), submitted.rag(), submitted.ragReason(),
                    submitted.effectiveOn()));
        }
    }

    @CommandHandler
    void handle(ReturnProgress command, MetaData metaData, PriorityLeads priorityLeads) {
        ProgressSubmitted submitted = requirePending(command.submissionId(), metaData, priorityLeads);
        Rules.reasonGiven(command.reason(), "to return an update");
        apply(new ProgressReturned(planId, actionId, submitted.submissionId(), command.reason(), orToday(null)));
    }

    /** With approval on, a delivery lead's update waits for a manager; a manager's own is recorded at once. */
    private boolean submitsForApproval(MetaData metaData) {
        return approvalRequired && ActionLeadership.limits(ActionLeadership.rolesOf(metaData));
    }

    private void submit(String submissionId, ProgressSubmitted submitted) {
        if (submissionIds.contains(submissionId) || notes.contains(submissionId)) {
            ProgressSubmitted earlier = pending.get(submissionId);
            if (earlier != null && earlier.equals(submitted)) {
                return; // a retry of the same submission
            }
            throw new CommandRejectedException(RejectionCode.DUPLICATE_ID, "id",
                    "the id '" + submissionId + "' is already used on the action '" + actionId + "'");
        }
        requireOpen("submit an update on");
        apply(submitted);
    }

    private ProgressSubmitted requirePending(String submissionId, MetaData metaData, PriorityLeads priorityLeads) {
        ProgressSubmitted submitted = pending.get(submissionId);
        String submittedBy = submitted == null ? null : submitted.submittedBy();
        if (!ActionLeadership.mayDecide(ActionLeadership.rolesOf(metaData), actor(metaData), submittedBy,
                () -> priorityLeads.of(planId, objectiveId))) {
            throw new CommandRejectedException(RejectionCode.NOT_APPROVER, actor(metaData) != null && actor(metaData).equals(submittedBy)
                    ? "'" + actor(metaData) + "' submitted the update '" + submissionId + "' and cannot approve or return it"
                    : "'" + actor(metaData) + "' is neither a plan manager nor a lead of this action's priority, "
                    + "and cannot approve or return updates on it");
        }
        if (submitted == null) {
            throw submissionIds.contains(submissionId)
                    ? new CommandRejectedException(RejectionCode.SUBMISSION_NOT_PENDING,
                    "the update '" + submissionId + "' has already been approved or returned")
                    : new CommandRejectedException(RejectionCode.SUBMISSION_NOT_FOUND,
                    "the action '" + actionId + "' has no submitted update '" + submissionId + "'");
        }
        return submitted;
    }

    private static String actor(MetaData metaData) {
        Object actor = metaData == null ? null : metaData.get(AuditMetadata.ACTOR);
        return actor == null ? null : actor.toString();
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

    /**
     * The reminder job's record of a reminder, before it mails it. A repeat (after a restart, or from a
     * second instance that saw the same due update) records nothing and answers false, so the job
     * does not mail it again; two instances racing on the same version are settled by the event
     * store's unique key, and the loser's command fails before it mails anything.
     */
    @CommandHandler
    boolean handle(RecordUpdateReminder command) {
        if (remindersSent.contains(reminderKey(command.dueOn(), command.recipient(), command.escalation()))) {
            return false;
        }
        requireOpen("remind the leads of");
        apply(new UpdateReminderSent(planId, actionId, command.dueOn(), command.recipient(), command.escalation(),
                command.sentAt(), LocalDate.ofInstant(command.sentAt(), BusinessDates.PARTNERSHIP_ZONE)));
        return true;
    }

    private static String reminderKey(LocalDate dueOn, String recipient, boolean escalation) {
        return dueOn + "|" + recipient + "|" + escalation;
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
                objectiveId = added.objectiveId();
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
            case UpdateApprovalSet approval -> approvalRequired = approval.required();
            case ProgressSubmitted submitted -> {
                submissionIds.add(submitted.submissionId());
                pending.put(submitted.submissionId(), submitted);
            }
            case ProgressApproved approved -> pending.remove(approved.submissionId());
            case ProgressReturned returned -> pending.remove(returned.submissionId());
            case UpdateReminderSent reminder ->
                    remindersSent.add(reminderKey(reminder.dueOn(), reminder.recipient(), reminder.escalation()));
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
