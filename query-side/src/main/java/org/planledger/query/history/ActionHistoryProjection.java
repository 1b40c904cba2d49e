package org.planledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.events.*;
import org.planledger.query.api.*;
import org.planledger.query.replay.EventDescriptions;
import org.planledger.query.support.AppliedEvents;
import org.planledger.query.support.RecordDocuments;
import org.planledger.query.support.ReadModelCollections;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One document per action ({@code _id} = actionId): {@code {_id, appliedVersions, history: ActionHistory}}
 * where the history is exactly the {@link ActionHistory} the query returns: notes in period order
 * with their corrections and withdrawals (original text kept), RAG history with reasons, status,
 * schedule and lead changes, funding, spend, risks, referral tallies and cases. {@code appliedVersions}
 * (see {@link org.planledger.query.support.AppliedEvents}) skips redeliveries but not late events:
 * the referral cases' own events come from other aggregates than the action's and may be committed
 * late; they only touch their own case, so applying them late gives the same history.
 */
@ProcessingGroup(ActionHistoryProjection.PROCESSING_GROUP)
public class ActionHistoryProjection {

    public static final String PROCESSING_GROUP = "action-history";
    public static final String COLLECTION = "action_history";

    private final MongoCollection<Document> histories;
    private final WriteBehind writes = new WriteBehind();

    public ActionHistoryProjection(MongoDatabase database) {
        this.histories = database.getCollection(COLLECTION);
    }

    @EventHandler
    public void on(ActionEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        WriteBehind.Batch batch = writes.current();
        batch.prefetch(histories, ActionHistoryProjection::actionIdOf);
        Fold fold = batch.decoded(histories, event.actionId(), stored -> Fold.of(event, stored));
        if (!AppliedEvents.contains(fold.applied, recorded)) {
            fold.history = apply(fold.history, event, recorded);
            AppliedEvents.record(fold.applied, recorded);
            batch.saveEncoded(histories, event.actionId(), fold::toDocument);
        }
        batch.endOfMessage();
    }

    /** The action an event of the batch is about, or null; looks at the payload only when it is an action's event. */
    private static String actionIdOf(EventMessage<?> message) {
        return ActionEvent.class.isAssignableFrom(message.getPayloadType()) ? ((ActionEvent) message.getPayload()).actionId() : null;
    }

    /**
     * An action's history, decoded once per batch of events and encoded once when the batch is
     * written, as the board's plan view is: decoding and re-encoding the document for every event
     * was about 40% of this projection's time in a replay (stack samples, docs/benchmarks.md).
     */
    private static final class Fold {
        private final String actionId;
        private final Map<String, Long> applied;
        private ActionHistory history;

        private Fold(String actionId, Map<String, Long> applied, ActionHistory history) {
            this.actionId = actionId;
            this.applied = applied;
            this.history = history;
        }

        static Fold of(ActionEvent event, Document stored) {
            return new Fold(event.actionId(), AppliedEvents.read(stored), stored == null
                    ? new ActionHistory(event.actionId(), event.planId(), null, null, ActionStatus.OPEN, null, List.of(),
                    null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())
                    : RecordDocuments.decode(stored.get("history", Document.class), ActionHistory.class));
        }

        Document toDocument() {
            return new Document("_id", actionId).append(AppliedEvents.FIELD, AppliedEvents.write(applied))
                    .append("history", RecordDocuments.encode(history));
        }
    }

    @ResetHandler
    public void reset() {
        ReadModelCollections.clear(histories);
    }

    @QueryHandler
    public Optional<ActionHistory> handle(FindActionHistory query) {
        Document stored = histories.find(Filters.eq("_id", query.actionId())).first();
        return Optional.ofNullable(stored)
                .map(d -> RecordDocuments.decode(d.get("history", Document.class), ActionHistory.class))
                .filter(h -> h.title() != null);
    }

    /** The plan's updates waiting for approval, from its actions' histories (one indexed read), oldest first. */
    @QueryHandler
    public PendingUpdates handle(FindPendingUpdates query) {
        List<PendingUpdates.Pending> pending = new ArrayList<>();
        // only the actions with an update waiting: a plan's queue is usually empty or short, its actions many
        for (Document stored : histories.find(Filters.and(Filters.eq("history.planId", query.planId()),
                Filters.eq("history.submissions.state", SubmissionEntry.PENDING)))) {
            ActionHistory history = RecordDocuments.decode(stored.get("history", Document.class), ActionHistory.class);
            if (history.title() == null) {
                continue;
            }
            for (SubmissionEntry submission : history.pendingSubmissions()) {
                pending.add(new PendingUpdates.Pending(history.actionId(), history.title(), history.objectiveId(),
                        history.leads(), submission));
            }
        }
        pending.sort(Comparator.comparing((PendingUpdates.Pending p) -> p.submission().submittedAt(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PendingUpdates.Pending::actionId));
        return new PendingUpdates(query.planId(), pending);
    }

    /** One action's history after one event of its stream; exhaustive, so a new action event must find its place. */
    static ActionHistory apply(ActionHistory h, ActionEvent event, RecordedEvent recorded) {
        String actor = recorded.audit().actor();
        H x = new H(h);
        switch (event) {
            case ActionAdded e -> added(x, e, recorded);
            case ActionDetailsRevised e -> {
                x.title = e.title();
                x.statusHistory = plus(h.statusHistory(), statusChange("DETAILS_REVISED", e.title(), recorded, e));
            }
            case ActionRescheduled e -> {
                x.startDate = e.startDate(); x.endDate = e.endDate();
                x.statusHistory = plus(h.statusHistory(), statusChange("RESCHEDULED", e.startDate() + " to " + e.endDate(), recorded, e));
            }
            case ActionLeadsChanged e -> {
                x.leads = e.leads();
                x.statusHistory = plus(h.statusHistory(), statusChange("LEADS_CHANGED",
                        String.join("; ", e.leads().stream().map(Lead::name).toList()), recorded, e));
            }
            case ActionCompleted e -> {
                x.status = ActionStatus.COMPLETED;
                x.statusHistory = plus(h.statusHistory(), statusChange("COMPLETED", e.note(), recorded, e));
            }
            case ActionCeased e -> {
                x.status = ActionStatus.CEASED;
                x.statusHistory = plus(h.statusHistory(), statusChange("CEASED", null, recorded, e));
            }
            case ActionReopened e -> {
                x.status = ActionStatus.OPEN;
                x.statusHistory = plus(h.statusHistory(), statusChange("REOPENED", null, recorded, e));
            }
            case RagAssessed e -> {
                x.rag = e.rag();
                x.ragHistory = plus(h.ragHistory(), new RagChange(e.rag(), h.rag(), EventDescriptions.reason(recorded), actor, e.effectiveOn(),
                        recorded.recordedAt()));
            }
            case ProgressRecorded e -> x.notes = noteRecorded(h.notes(), e, recorded);
            case ProgressNoteCorrected e -> x.notes = replace(h.notes(), n -> n.noteId().equals(e.noteId()),
                    n -> noteCorrected(n, e, recorded));
            case ProgressNoteWithdrawn e -> x.notes = replace(h.notes(), n -> n.noteId().equals(e.noteId()),
                    n -> noteWithdrawn(n, e, recorded));
            case FundingAllocated e -> x.funding = plus(h.funding(), new MoneyEntry(e.fundingId(), e.amountPence(), e.source(),
                    null, e.financialYear(), e.effectiveOn(), actor, recorded.recordedAt()));
            case SpendRecorded e -> x.spend = plus(h.spend(), new MoneyEntry(e.spendId(), e.amountPence(), null,
                    e.description(), e.financialYear(), e.effectiveOn(), actor, recorded.recordedAt()));
            case RiskIdentified e -> x.risks = plus(h.risks(), riskIdentified(e, actor));
            case RiskReassessed e -> x.risks = replace(h.risks(), r -> r.riskId().equals(e.riskId()),
                    r -> riskReassessed(r, e, recorded));
            case RiskClosed e -> x.risks = replace(h.risks(), r -> r.riskId().equals(e.riskId()), r -> new RiskEntry(r.riskId(),
                    r.description(), r.likelihood(), r.impact(), r.owner(), r.mitigation(), false, EventDescriptions.reason(recorded), r.assessments()));
            case ReferralsTallied e -> x.referralTallies = plus(h.referralTallies(), new TallyEntry(e.tallyId(), e.periodFrom(),
                    e.periodTo(), e.count(), e.totalCostPence(), e.note(), FinancialYear.containing(e.periodTo())));
            case ReferralRegistered e -> { } // the write side's bookkeeping; the case starts with its ReferralRecorded
            case UpdateApprovalSet e -> { }
            case ProgressSubmitted e -> x.submissions = h.submissions().stream().anyMatch(s -> s.submissionId().equals(e.submissionId()))
                    ? h.submissions() : plus(h.submissions(), new SubmissionEntry(e.submissionId(), e.period(), e.text(),
                    e.achieved(), e.planned(), e.rag(), e.ragReason(), e.effectiveOn(), e.submittedBy(), recorded.recordedAt(),
                    SubmissionEntry.PENDING, null, null, null));
            case ProgressApproved e -> x.submissions = replace(h.submissions(), s -> s.submissionId().equals(e.submissionId()),
                    s -> SubmissionEntry.decide(s, SubmissionEntry.APPROVED, actor, recorded.recordedAt(), null));
            case ProgressReturned e -> x.submissions = replace(h.submissions(), s -> s.submissionId().equals(e.submissionId()),
                    s -> SubmissionEntry.decide(s, SubmissionEntry.RETURNED, actor, recorded.recordedAt(), e.reason()));
            case UpdateReminderSent e -> { } // listed by the updates-due query and the audit trail, not the history
            case ReferralRecorded e -> x.referrals = referralRecorded(h.referrals(), e);
            case ReferralAccepted e -> x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()),
                    r -> referralDecided(r, ReferralStatus.ACCEPTED, null, e.effectiveOn()));
            case ReferralDeclined e -> x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()),
                    r -> referralDecided(r, ReferralStatus.DECLINED, e.reason(), e.effectiveOn()));
            case ReferralClosed e -> x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()),
                    r -> referralClosed(r, e));
            // The stored fields are ciphertext whose key is gone; the marker also covers a case stored in clear before encryption.
            case ReferralSubjectErased e -> x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()),
                    ActionHistoryProjection::subjectErased);
        }
        return x.build();
    }

    private static void added(H x, ActionAdded e, RecordedEvent recorded) {
        x.objectiveId = e.objectiveId(); x.title = e.title(); x.leads = e.leads();
        x.startDate = e.startDate(); x.endDate = e.endDate(); x.status = ActionStatus.OPEN;
        x.statusHistory = plus(x.statusHistory, statusChange("ADDED", e.title(), recorded, e));
    }

    private static StatusChange statusChange(String kind, String detail, RecordedEvent recorded, ActionEvent event) {
        return new StatusChange(kind, detail, EventDescriptions.reason(recorded), recorded.audit().actor(), event.effectiveOn(),
                recorded.recordedAt());
    }

    private static List<NoteHistory> noteRecorded(List<NoteHistory> notes, ProgressRecorded e, RecordedEvent recorded) {
        if (notes.stream().anyMatch(n -> n.noteId().equals(e.noteId()))) {
            return notes;
        }
        List<NoteHistory> added = plus(notes, new NoteHistory(e.noteId(), e.period(), e.effectiveOn(),
                e.text(), e.text(), "ACTIVE", recorded.audit().actor(), recorded.recordedAt(), List.of(), null,
                Boolean.TRUE.equals(e.undated())));
        // period order; a stable sort keeps notes of the same period in the order recorded
        return added.stream().sorted(Comparator.comparing(NoteHistory::effectiveOn)).toList();
    }

    private static NoteHistory noteCorrected(NoteHistory n, ProgressNoteCorrected e, RecordedEvent recorded) {
        return new NoteHistory(n.noteId(), n.period(), n.effectiveOn(), e.text(), n.originalText(),
                n.withdrawal() != null ? "WITHDRAWN" : "CORRECTED", n.recordedBy(), n.recordedAt(),
                plus(n.corrections(), new NoteCorrection(e.text(), EventDescriptions.reason(recorded), recorded.audit().actor(),
                        recorded.recordedAt(), e.effectiveOn())), n.withdrawal(), n.undated());
    }

    private static NoteHistory noteWithdrawn(NoteHistory n, ProgressNoteWithdrawn e, RecordedEvent recorded) {
        return new NoteHistory(n.noteId(), n.period(), n.effectiveOn(), n.text(), n.originalText(), "WITHDRAWN",
                n.recordedBy(), n.recordedAt(), n.corrections(),
                new NoteWithdrawal(EventDescriptions.reason(recorded), recorded.audit().actor(), recorded.recordedAt(), e.effectiveOn()),
                n.undated());
    }

    private static RiskEntry riskIdentified(RiskIdentified e, String actor) {
        return new RiskEntry(e.riskId(), e.description(), e.likelihood(), e.impact(), e.owner(), e.mitigation(), true, null,
                List.of(new RiskAssessment(e.likelihood(), e.impact(), e.owner(), e.mitigation(), null, actor, e.effectiveOn())));
    }

    private static RiskEntry riskReassessed(RiskEntry r, RiskReassessed e, RecordedEvent recorded) {
        return new RiskEntry(r.riskId(), r.description(), e.likelihood(), e.impact(), e.owner(), e.mitigation(), r.open(),
                r.closedReason(), plus(r.assessments(), new RiskAssessment(e.likelihood(), e.impact(), e.owner(),
                e.mitigation(), EventDescriptions.reason(recorded), recorded.audit().actor(), e.effectiveOn())));
    }

    private static List<ReferralCaseEntry> referralRecorded(List<ReferralCaseEntry> referrals, ReferralRecorded e) {
        if (referrals.stream().anyMatch(r -> r.referralId().equals(e.referralId()))) {
            return referrals;
        }
        return plus(referrals, new ReferralCaseEntry(e.referralId(), e.receivedOn(), e.referringAgency(), e.subjectRef(),
                e.reason(), ReferralStatus.RECEIVED, null, null, 0, FinancialYear.containing(e.receivedOn()), null, null));
    }

    private static ReferralCaseEntry referralDecided(ReferralCaseEntry r, ReferralStatus status, String declineReason,
                                                     LocalDate decidedOn) {
        return new ReferralCaseEntry(r.referralId(), r.receivedOn(), r.referringAgency(), r.subjectRef(), r.reason(), status,
                declineReason, null, r.costPence(), r.financialYear(), decidedOn, null);
    }

    private static ReferralCaseEntry subjectErased(ReferralCaseEntry r) {
        return new ReferralCaseEntry(r.referralId(), r.receivedOn(), r.referringAgency(), erased(r.subjectRef()),
                erased(r.reason()), r.status(), erased(r.declineReason()), erased(r.outcome()), r.costPence(),
                r.financialYear(), r.decidedOn(), r.closedOn());
    }

    private static String erased(String personal) {
        return personal == null ? null : ReferralSubjectErased.ERASED;
    }

    private static ReferralCaseEntry referralClosed(ReferralCaseEntry r, ReferralClosed e) {
        return new ReferralCaseEntry(r.referralId(), r.receivedOn(), r.referringAgency(), r.subjectRef(), r.reason(),
                ReferralStatus.CLOSED, r.declineReason(), e.outcome(), e.costPence(), r.financialYear(), r.decidedOn(),
                e.effectiveOn());
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> replace(List<T> list, java.util.function.Predicate<T> which, UnaryOperator<T> change) {
        return list.stream().map(item -> which.test(item) ? change.apply(item) : item).toList();
    }

    /** A mutable copy of one history, for changing a field or two per event. */
    private static final class H {
        final String actionId; final String planId;
        String objectiveId; String title; ActionStatus status; RagStatus rag; List<Lead> leads;
        java.time.LocalDate startDate; java.time.LocalDate endDate;
        List<NoteHistory> notes; List<RagChange> ragHistory; List<StatusChange> statusHistory;
        List<MoneyEntry> funding; List<MoneyEntry> spend; List<RiskEntry> risks;
        List<TallyEntry> referralTallies; List<ReferralCaseEntry> referrals; List<SubmissionEntry> submissions;

        H(ActionHistory h) {
            actionId = h.actionId(); planId = h.planId(); objectiveId = h.objectiveId(); title = h.title();
            status = h.status(); rag = h.rag(); leads = h.leads(); startDate = h.startDate(); endDate = h.endDate();
            notes = h.notes(); ragHistory = h.ragHistory(); statusHistory = h.statusHistory(); funding = h.funding();
            spend = h.spend(); risks = h.risks(); referralTallies = h.referralTallies(); referrals = h.referrals();
            submissions = h.submissions();
        }

        ActionHistory build() {
            return new ActionHistory(actionId, planId, objectiveId, title, status, rag, leads, startDate, endDate, notes,
                    ragHistory, statusHistory, funding, spend, risks, referralTallies, referrals, submissions);
        }
    }
}
