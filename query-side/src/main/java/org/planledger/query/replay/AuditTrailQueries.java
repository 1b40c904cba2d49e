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
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

        Map<String, List<FieldChange>> changesByEvent = changesFor(page);
        List<AuditEntry> entries = new ArrayList<>();
        for (Document document : page) {
            RecordedEvent recorded = JournalDocuments.fromDocument(document);
            entries.add(new AuditEntry(recorded.sequence(), recorded.recordedAt(), recorded.event().effectiveOn(),
                    recorded.audit().actor(), recorded.audit().actorRoles(), recorded.type(), recorded.event().planId(),
                    recorded.aggregateId(), recorded.aggregateType(), recorded.reason(), recorded.audit().source(),
                    recorded.audit().correlationId(), recorded.audit().causationId(),
                    changesByEvent.getOrDefault(recorded.eventId(), List.of())));
        }
        return new AuditTrailPage(entries, query.page(), query.size(), matching.size());
    }

    /** One fold per plan on the page, stopping at the page's newest entry of that plan; keyed by event id. */
    private Map<String, List<FieldChange>> changesFor(List<Document> page) {
        Map<String, Set<String>> wantedByPlan = new HashMap<>();
        for (Document entry : page) {
            wantedByPlan.computeIfAbsent(entry.getString("planId"), p -> new HashSet<>()).add(entry.getString("eventId"));
        }
        Map<String, List<FieldChange>> result = new HashMap<>();
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
                    result.put(event.eventId(), ChangeDescriber.describe(state, next, event).stream()
                            .map(c -> new FieldChange(c.field(), c.before(), c.after())).toList());
                }
                state = next;
            }
        }
        return result;
    }
}
