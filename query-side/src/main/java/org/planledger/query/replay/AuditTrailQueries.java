package org.planledger.query.replay;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.query.api.AuditEntry;
import org.planledger.query.api.AuditTrailPage;
import org.planledger.query.api.FieldChange;
import org.planledger.query.api.FindAuditTrail;
import org.planledger.query.journal.JournalDocuments;
import org.planledger.query.journal.JournalReader;
import org.planledger.query.plan.PlanReducer;
import org.planledger.events.ActionEvent;
import org.planledger.events.ActionRegistered;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit trail: journal entries, newest first, paged, each with the values it changed. The
 * "before" of a change is the plan's state folded from every earlier journal entry in global order
 * (recorded order, not effective date: the auditor asks what the system held when the change came).
 */
public class AuditTrailQueries {

    private final JournalReader journal;

    public AuditTrailQueries(MongoDatabase database) {
        this.journal = new JournalReader(database);
    }

    @QueryHandler
    public AuditTrailPage handle(FindAuditTrail query) {
        List<Document> matching = journal.matching(query.filter());
        int from = (int) Math.min((long) query.page() * query.size(), matching.size());
        int to = Math.min(from + query.size(), matching.size());
        List<Document> page = matching.subList(from, to);

        Map<String, Described> described = changesFor(page);
        List<AuditEntry> entries = new ArrayList<>();
        for (Document document : page) {
            RecordedEvent recorded = JournalDocuments.fromDocument(document);
            Described what = described.getOrDefault(recorded.eventId(),
                    new Described(List.of(), new Subject(recorded.aggregateType(), recorded.aggregateId(), null)));
            entries.add(new AuditEntry(recorded.sequence(), recorded.recordedAt(), recorded.event().effectiveOn(),
                    recorded.audit().actor(), recorded.audit().actorRoles(), recorded.type(), recorded.event().planId(),
                    recorded.aggregateId(), recorded.aggregateType(), EventDescriptions.reason(recorded), recorded.audit().source(),
                    recorded.audit().correlationId(), recorded.audit().causationId(), what.changes(),
                    what.subject().kind(), what.subject().id(), what.subject().title()));
        }
        return new AuditTrailPage(entries, query.page(), query.size(), matching.size());
    }

    /** What an event changed, and the thing it changed as people name it. */
    record Described(List<FieldChange> changes, Subject subject) {
    }

    record Subject(String kind, String id, String title) {
    }

    /** One fold per plan on the page, stopping at the page's newest entry of that plan; keyed by event id. */
    private Map<String, Described> changesFor(List<Document> page) {
        Map<String, Set<String>> wantedByPlan = new HashMap<>();
        for (Document entry : page) {
            wantedByPlan.computeIfAbsent(entry.getString("planId"), p -> new HashSet<>()).add(entry.getString("eventId"));
        }
        Map<String, Described> result = new HashMap<>();
        for (Map.Entry<String, Set<String>> plan : wantedByPlan.entrySet()) {
            List<RecordedEvent> events = journal.planEvents(plan.getKey()).orElse(List.of());
            PlanView state = PlanView.empty(plan.getKey());
            int found = 0;
            for (RecordedEvent event : events) {
                if (found == plan.getValue().size()) {
                    break;
                }
                PlanView next = PlanReducer.apply(state, event);
                if (plan.getValue().contains(event.eventId())) {
                    found++;
                    List<Change> changes = EventDescriptions.changes(state, next, event);
                    result.put(event.eventId(), new Described(
                            changes.stream().map(c -> new FieldChange(c.field(), c.before(), c.after())).toList(),
                            subject(state, next, event, changes)));
                }
                state = next;
            }
        }
        return result;
    }

    /**
     * The action an action or referral event belongs to; otherwise the priority, objective, indicator,
     * meeting or member the change names; otherwise the plan. Titles as the plan held them just after
     * the event (just before, for something it removed).
     */
    static Subject subject(PlanView before, PlanView after, RecordedEvent recorded, List<Change> changes) {
        if (recorded.event() instanceof ActionEvent action) {
            return new Subject("Action", action.actionId(), after.action(action.actionId())
                    .or(() -> before.action(action.actionId())).map(ActionView::title).orElse(null));
        }
        if (recorded.event() instanceof ActionRegistered registered) {
            return new Subject("Action", registered.actionId(), after.action(registered.actionId()).map(ActionView::title).orElse(null));
        }
        String id = changes.stream().map(Change::subjectId).filter(s -> s != null).findFirst().orElse(null);
        if (id != null) {
            for (PlanView plan : List.of(after, before)) {
                Optional<Subject> found = plan.priority(id).map(p -> new Subject("Priority", id, p.title()))
                        .or(() -> plan.objective(id).map(o -> new Subject("Objective", id, o.title())))
                        .or(() -> plan.indicator(id).map(i -> new Subject("Indicator", id, i.name())))
                        .or(() -> plan.boardMeetings().stream().filter(m -> m.meetingId().equals(id)).findFirst()
                                .map(m -> new Subject("Board meeting", id, m.title())))
                        .or(() -> plan.members().stream().filter(m -> m.memberId().equals(id)).findFirst()
                                .map(m -> new Subject("Member", id, m.name() != null ? m.name() : m.organisation())));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return new Subject("Plan", after.planId(), after.title());
    }
}
