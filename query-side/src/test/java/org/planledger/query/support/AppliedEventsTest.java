package org.planledger.query.support;

import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.planledger.events.RagAssessed;
import org.planledger.events.RagStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedEventsTest {

    private static RecordedEvent event(String aggregateId, Long version, long position) {
        return new RecordedEvent(position, "e-" + aggregateId + "-" + version, aggregateId, "Action", version,
                Instant.parse("2013-06-01T09:00:00Z"), AuditInfo.from(MetaData.emptyInstance()),
                new RagAssessed("plan", "a1", RagStatus.GREEN, null, LocalDate.parse("2013-06-01")));
    }

    private static Document apply(Document stored, RecordedEvent event) {
        return AppliedEvents.record(new Document("_id", "doc"), stored, event);
    }

    @Test
    void a_late_event_with_a_repeated_position_is_not_taken_for_a_redelivery() {
        Document doc = apply(apply(null, event("a1", 0L, 5)), event("a1", 1L, 6));
        // committed late: another aggregate's event, delivered with the position of the event before it
        RecordedEvent late = event("a2", 0L, 6);
        assertThat(AppliedEvents.contains(doc, late)).isFalse();
        doc = apply(doc, late);
        assertThat(AppliedEvents.contains(doc, late)).as("now a redelivery").isTrue();
        assertThat(AppliedEvents.contains(doc, event("a1", 1L, 6))).as("redelivered").isTrue();
        assertThat(AppliedEvents.contains(doc, event("a1", 0L, 5))).as("redelivered, older").isTrue();
        assertThat(AppliedEvents.contains(doc, event("a1", 2L, 7))).as("next of a1").isFalse();
    }

    @Test
    void versions_are_stored_in_aggregate_order_and_ids_with_dots_are_values() {
        Document doc = apply(apply(null, event("ta.2", 3L, 9)), event("ta.10", 0L, 10));
        assertThat(doc.getList(AppliedEvents.FIELD, Document.class)).containsExactly(
                new Document("aggregate", "ta.10").append("version", 0L),
                new Document("aggregate", "ta.2").append("version", 3L));
        assertThat(AppliedEvents.read(doc)).isEqualTo(Map.of("ta.10", 0L, "ta.2", 3L));
    }

    @Test
    void events_without_an_aggregate_cannot_be_deduplicated_and_are_always_applied() {
        RecordedEvent bare = event(null, null, 1);
        Document doc = apply(null, bare);
        assertThat(AppliedEvents.read(doc)).isEmpty();
        assertThat(AppliedEvents.contains(doc, bare)).isFalse();
    }
}
