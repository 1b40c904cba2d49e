package org.planledger.query.journal;

import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.planledger.events.EventTypes;
import org.planledger.events.PlanLedgerEvent;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordDocuments;
import org.planledger.query.support.RecordedEvent;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * One journal entry as stored inside a bucket:
 * {@code {sequence, eventId, planId, aggregateId, aggregateType, aggregateSequence, type, revision,
 * payload:{...the event's fields...}, recordedAt: Date, effectiveOn: "2013-06-01", actor, actorRoles:[],
 * reason, source, correlationId, causationId}}. effectiveOn is an ISO string, which sorts as a date.
 */
public final class JournalDocuments {

    private JournalDocuments() {
    }

    public static Document toDocument(RecordedEvent recorded) {
        PlanLedgerEvent event = recorded.event();
        Revision revision = event.getClass().getAnnotation(Revision.class);
        AuditInfo audit = recorded.audit();
        return new Document("sequence", recorded.sequence())
                .append("eventId", recorded.eventId())
                .append("planId", event.planId())
                .append("aggregateId", recorded.aggregateId())
                .append("aggregateType", recorded.aggregateType())
                .append("aggregateSequence", recorded.aggregateSequence())
                .append("type", recorded.type())
                .append("revision", revision == null ? null : revision.value())
                .append("payload", RecordDocuments.encode((Record) event))
                .append("recordedAt", Date.from(recorded.recordedAt()))
                .append("effectiveOn", event.effectiveOn() == null ? null : event.effectiveOn().toString())
                .append("actor", audit.actor())
                .append("actorRoles", audit.actorRoles())
                .append("reason", audit.reason())
                .append("source", audit.source())
                .append("correlationId", audit.correlationId())
                .append("causationId", audit.causationId());
    }

    public static RecordedEvent fromDocument(Document entry) {
        Class<? extends PlanLedgerEvent> type = eventType(entry.getString("type"));
        PlanLedgerEvent event = (PlanLedgerEvent) RecordDocuments.decode(entry.get("payload", Document.class),
                type.asSubclass(Record.class));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) entry.get("actorRoles");
        AuditInfo audit = new AuditInfo(entry.getString("actor"), roles, entry.getString("reason"),
                entry.getString("source"), entry.getString("correlationId"), entry.getString("causationId"));
        return new RecordedEvent(entry.getLong("sequence"), entry.getString("eventId"), entry.getString("aggregateId"),
                entry.getString("aggregateType"), entry.getLong("aggregateSequence"),
                entry.getDate("recordedAt").toInstant(), audit, event);
    }

    public static LocalDate effectiveOn(Document entry) {
        String text = entry.getString("effectiveOn");
        return text == null ? null : LocalDate.parse(text);
    }

    private static Class<? extends PlanLedgerEvent> eventType(String simpleName) {
        // An event type renamed or removed without an upcaster: fail loudly rather than skip history.
        return EventTypes.named(simpleName)
                .orElseThrow(() -> new IllegalStateException("journal holds an unknown event type " + simpleName));
    }
}
