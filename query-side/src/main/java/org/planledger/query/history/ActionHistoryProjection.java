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
import org.planledger.query.support.RecordDocuments;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        Document stored = batch.find(histories, event.actionId());
        if (!recorded.alreadyAppliedTo(stored)) {
            ActionHistory before = stored == null
                    ? new ActionHistory(event.actionId(), event.planId(), null, null, ActionStatus.OPEN, null, List.of(),
                    null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())
                    : RecordDocuments.decode(stored.get("history", Document.class), ActionHistory.class);
            ActionHistory after = apply(before, recorded);
            batch.save(histories, recorded.markAppliedOn(new Document("_id", event.actionId()), stored)
                    .append("history", RecordDocuments.encode(after)));
        }
        batch.endOfMessage();
    }

    @ResetHandler
    public void reset() {
        histories.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<ActionHistory> handle(FindActionHistory query) {
        Document stored = histories.find(Filters.eq("_id", query.actionId())).first();
        return Optional.ofNullable(stored)
                .map(d -> RecordDocuments.decode(d.get("history", Document.class), ActionHistory.class))
                .filter(h -> h.title() != null);
    }

    static ActionHistory apply(ActionHistory h, RecordedEvent recorded) {
        PlanLedgerEvent event = recorded.event();
        String actor = recorded.audit().actor();
        H x = new H(h);
        if (event instanceof ActionAdded e) {
            x.objectiveId = e.objectiveId(); x.title = e.title(); x.leads = e.leads();
            x.startDate = e.startDate(); x.endDate = e.endDate(); x.status = ActionStatus.OPEN;
            x.statusHistory = plus(h.statusHistory(), new StatusChange("ADDED", e.title(), recorded.reason(), actor,
                    e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof ActionDetailsRevised e) {
            x.title = e.title();
            x.statusHistory = plus(h.statusHistory(), new StatusChange("DETAILS_REVISED", e.title(), recorded.reason(), actor,
                    e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof ActionRescheduled e) {
            x.startDate = e.startDate(); x.endDate = e.endDate();
            x.statusHistory = plus(h.statusHistory(), new StatusChange("RESCHEDULED", e.startDate() + " to " + e.endDate(),
                    recorded.reason(), actor, e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof ActionLeadsChanged e) {
            x.leads = e.leads();
            x.statusHistory = plus(h.statusHistory(), new StatusChange("LEADS_CHANGED",
                    String.join("; ", e.leads().stream().map(Lead::name).toList()), recorded.reason(), actor,
                    e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof ActionCompleted e) {
            x.status = ActionStatus.COMPLETED;
            x.statusHistory = plus(h.statusHistory(), new StatusChange("COMPLETED", e.note(), recorded.reason(), actor,
                    e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof ActionCeased e) {
            x.status = ActionStatus.CEASED;
            x.statusHistory = plus(h.statusHistory(), new StatusChange("CEASED", null, recorded.reason(), actor,
                    e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof ActionReopened e) {
            x.status = ActionStatus.OPEN;
            x.statusHistory = plus(h.statusHistory(), new StatusChange("REOPENED", null, recorded.reason(), actor,
                    e.effectiveOn(), recorded.recordedAt()));
        } else if (event instanceof RagAssessed e) {
            x.rag = e.rag();
            x.ragHistory = plus(h.ragHistory(), new RagChange(e.rag(), h.rag(), recorded.reason(), actor, e.effectiveOn(),
                    recorded.recordedAt()));
        } else if (event instanceof ProgressRecorded e) {
            if (h.notes().stream().noneMatch(n -> n.noteId().equals(e.noteId()))) {
                List<NoteHistory> notes = plus(h.notes(), new NoteHistory(e.noteId(), e.period(), e.effectiveOn(),
                        e.text(), e.text(), "ACTIVE", actor, recorded.recordedAt(), List.of(), null));
                // period order; a stable sort keeps notes of the same period in the order recorded
                x.notes = notes.stream().sorted(Comparator.comparing(NoteHistory::effectiveOn)).toList();
            }
        } else if (event instanceof ProgressNoteCorrected e) {
            x.notes = replace(h.notes(), n -> n.noteId().equals(e.noteId()), n -> new NoteHistory(n.noteId(), n.period(),
                    n.effectiveOn(), e.text(), n.originalText(), n.withdrawal() != null ? "WITHDRAWN" : "CORRECTED",
                    n.recordedBy(), n.recordedAt(), plus(n.corrections(), new NoteCorrection(e.text(), recorded.reason(),
                    actor, recorded.recordedAt(), e.effectiveOn())), n.withdrawal()));
        } else if (event instanceof ProgressNoteWithdrawn e) {
            x.notes = replace(h.notes(), n -> n.noteId().equals(e.noteId()), n -> new NoteHistory(n.noteId(), n.period(),
                    n.effectiveOn(), n.text(), n.originalText(), "WITHDRAWN", n.recordedBy(), n.recordedAt(),
                    n.corrections(), new NoteWithdrawal(recorded.reason(), actor, recorded.recordedAt(), e.effectiveOn())));
        } else if (event instanceof FundingAllocated e) {
            x.funding = plus(h.funding(), new MoneyEntry(e.fundingId(), e.amountPence(), e.source(), null,
                    e.financialYear(), e.effectiveOn(), actor, recorded.recordedAt()));
        } else if (event instanceof SpendRecorded e) {
            x.spend = plus(h.spend(), new MoneyEntry(e.spendId(), e.amountPence(), null, e.description(),
                    e.financialYear(), e.effectiveOn(), actor, recorded.recordedAt()));
        } else if (event instanceof RiskIdentified e) {
            x.risks = plus(h.risks(), new RiskEntry(e.riskId(), e.description(), e.likelihood(), e.impact(), e.owner(),
                    e.mitigation(), true, null, List.of(new RiskAssessment(e.likelihood(), e.impact(), e.owner(),
                    e.mitigation(), null, actor, e.effectiveOn()))));
        } else if (event instanceof RiskReassessed e) {
            x.risks = replace(h.risks(), r -> r.riskId().equals(e.riskId()), r -> new RiskEntry(r.riskId(), r.description(),
                    e.likelihood(), e.impact(), e.owner(), e.mitigation(), r.open(), r.closedReason(),
                    plus(r.assessments(), new RiskAssessment(e.likelihood(), e.impact(), e.owner(), e.mitigation(),
                            recorded.reason(), actor, e.effectiveOn()))));
        } else if (event instanceof RiskClosed e) {
            x.risks = replace(h.risks(), r -> r.riskId().equals(e.riskId()), r -> new RiskEntry(r.riskId(), r.description(),
                    r.likelihood(), r.impact(), r.owner(), r.mitigation(), false, recorded.reason(), r.assessments()));
        } else if (event instanceof ReferralsTallied e) {
            x.referralTallies = plus(h.referralTallies(), new TallyEntry(e.tallyId(), e.periodFrom(), e.periodTo(),
                    e.count(), e.totalCostPence(), e.note(), FinancialYear.containing(e.periodTo())));
        } else if (event instanceof ReferralRecorded e) {
            if (h.referrals().stream().noneMatch(r -> r.referralId().equals(e.referralId()))) {
                x.referrals = plus(h.referrals(), new ReferralCaseEntry(e.referralId(), e.receivedOn(), e.referringAgency(),
                        e.subjectRef(), e.reason(), ReferralStatus.RECEIVED, null, null, 0,
                        FinancialYear.containing(e.receivedOn()), null, null));
            }
        } else if (event instanceof ReferralAccepted e) {
            x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()), r -> new ReferralCaseEntry(
                    r.referralId(), r.receivedOn(), r.referringAgency(), r.subjectRef(), r.reason(), ReferralStatus.ACCEPTED,
                    null, null, r.costPence(), r.financialYear(), e.effectiveOn(), null));
        } else if (event instanceof ReferralDeclined e) {
            x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()), r -> new ReferralCaseEntry(
                    r.referralId(), r.receivedOn(), r.referringAgency(), r.subjectRef(), r.reason(), ReferralStatus.DECLINED,
                    e.reason(), null, r.costPence(), r.financialYear(), e.effectiveOn(), null));
        } else if (event instanceof ReferralClosed e) {
            x.referrals = replace(h.referrals(), r -> r.referralId().equals(e.referralId()), r -> new ReferralCaseEntry(
                    r.referralId(), r.receivedOn(), r.referringAgency(), r.subjectRef(), r.reason(), ReferralStatus.CLOSED,
                    r.declineReason(), e.outcome(), e.costPence(), r.financialYear(), r.decidedOn(), e.effectiveOn()));
        }
        return x.build();
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
        List<TallyEntry> referralTallies; List<ReferralCaseEntry> referrals;

        H(ActionHistory h) {
            actionId = h.actionId(); planId = h.planId(); objectiveId = h.objectiveId(); title = h.title();
            status = h.status(); rag = h.rag(); leads = h.leads(); startDate = h.startDate(); endDate = h.endDate();
            notes = h.notes(); ragHistory = h.ragHistory(); statusHistory = h.statusHistory(); funding = h.funding();
            spend = h.spend(); risks = h.risks(); referralTallies = h.referralTallies(); referrals = h.referrals();
        }

        ActionHistory build() {
            return new ActionHistory(actionId, planId, objectiveId, title, status, rag, leads, startDate, endDate, notes,
                    ragHistory, statusHistory, funding, spend, risks, referralTallies, referrals);
        }
    }
}
