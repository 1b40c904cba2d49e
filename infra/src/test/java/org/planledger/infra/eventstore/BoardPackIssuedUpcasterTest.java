package org.planledger.infra.eventstore;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.planledger.events.BoardPackIssued;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack issued before packs recorded their layout reads as laid out under layout 1; a newer one keeps its own. */
class BoardPackIssuedUpcasterTest {

    static final String REVISION_1_JSON = "{\"planId\":\"kettering-2013\",\"packId\":\"meeting-m1\",\"meetingId\":\"m1\","
            + "\"asAt\":\"2013-07-15\",\"knownAt\":\"2013-07-15T09:00:00Z\",\"issuedAt\":\"2013-07-15T09:00:05Z\","
            + "\"issuedBy\":\"manager\",\"pdfSha256\":\"" + "ab".repeat(32) + "\",\"checkpointId\":7,"
            + "\"checkpointRoot\":\"" + "cd".repeat(32) + "\",\"effectiveOn\":\"2013-07-15\"}";

    private final Serializer serializer = new SerializationConfiguration().planLedgerSerializer(new AnnotationRevisionResolver());

    private List<Object> read(String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Plan", "kettering-2013", 3, "event-4",
                Instant.parse("2013-07-15T09:00:05Z"), BoardPackIssued.class.getName(), revision, json.getBytes(),
                "{}".getBytes());
        Stream<IntermediateEventRepresentation> upcast = new BoardPackIssuedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)));
        return upcast.map(representation -> {
            SerializedObject<?> data = representation.getData();
            assertThat(data.getType().getRevision()).isEqualTo("2");
            return (Object) serializer.deserialize(data);
        }).toList();
    }

    @Test
    void aPackIssuedBeforeLayoutsWereRecordedReadsAsLayoutOne() {
        assertThat(read("1", REVISION_1_JSON)).containsExactly(new BoardPackIssued("kettering-2013", "meeting-m1", "m1",
                LocalDate.of(2013, 7, 15), Instant.parse("2013-07-15T09:00:00Z"), Instant.parse("2013-07-15T09:00:05Z"),
                "manager", "ab".repeat(32), 7L, "cd".repeat(32), LocalDate.of(2013, 7, 15), 1));
    }

    @Test
    void aPackIssuedUnderALaterLayoutKeepsIt() {
        BoardPackIssued issued = new BoardPackIssued("kettering-2013", "as-at-2014-01-31", null, LocalDate.of(2014, 1, 31),
                Instant.parse("2014-02-01T09:00:00Z"), Instant.parse("2014-02-01T09:00:01Z"), "manager", "ef".repeat(32),
                null, null, LocalDate.of(2014, 1, 31), 2);
        SerializedObject<String> written = serializer.serialize(issued, String.class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(read("2", written.getData())).containsExactly(issued);
    }
}
