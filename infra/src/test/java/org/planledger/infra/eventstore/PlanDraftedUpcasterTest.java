package org.planledger.infra.eventstore;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.planledger.events.Cadence;
import org.planledger.events.PlanDrafted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PlanDrafted revision 1, as stored before plans belonged to a partnership by id, reads as revision 2
 * with the id derived from the partnership's name; a revision-2 event is left as it is.
 */
class PlanDraftedUpcasterTest {

    static final String REVISION_1_JSON = "{\"planId\":\"kettering-2013\",\"partnership\":\"Kettering Borough Community "
            + "Safety Partnership\",\"title\":\"Community Safety Plan 2013-2016\",\"periodStart\":\"2013-04-01\","
            + "\"periodEnd\":\"2016-03-31\",\"cadence\":\"QUARTERLY\",\"effectiveOn\":\"2013-04-01\"}";

    private final Serializer serializer = new SerializationConfiguration().planLedgerSerializer(new AnnotationRevisionResolver());

    /** Runs stored entries through an upcaster, as the event store does, and deserializes what comes out. */
    static List<Object> read(EventUpcaster upcaster, Serializer serializer, String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Plan", "kettering-2013", 0, "event-1",
                Instant.parse("2013-04-01T09:00:00Z"), PlanDrafted.class.getName(), revision, json.getBytes(),
                "{}".getBytes());
        Stream<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer)));
        return upcast.map(representation -> {
            SerializedObject<?> data = representation.getData();
            assertThat(data.getType().getRevision()).isEqualTo("2");
            return (Object) serializer.deserialize(data);
        }).toList();
    }

    @Test
    void aRevisionOnePlanDraftedReadsAsRevisionTwoWithTheDerivedPartnershipId() {
        assertThat(read(new PlanDraftedUpcaster(), serializer, "1", REVISION_1_JSON)).containsExactly(new PlanDrafted(
                "kettering-2013", "Kettering Borough Community Safety Partnership", "Community Safety Plan 2013-2016",
                LocalDate.of(2013, 4, 1), LocalDate.of(2016, 3, 31), Cadence.QUARTERLY, LocalDate.of(2013, 4, 1),
                "kettering-borough"));
    }

    @Test
    void aRevisionTwoPlanDraftedKeepsTheIdItWasDraftedWith() {
        PlanDrafted drafted = new PlanDrafted("corby-2014", "Corby Community Safety Partnership", "Plan",
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), Cadence.QUARTERLY, LocalDate.of(2014, 4, 1), "corby-north");
        SerializedObject<String> written = serializer.serialize(drafted, String.class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(read(new PlanDraftedUpcaster(), serializer, "2", written.getData())).containsExactly(drafted);
    }
}
