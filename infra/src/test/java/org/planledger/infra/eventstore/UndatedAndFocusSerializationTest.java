package org.planledger.infra.eventstore;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ProgressRecorded gained a nullable {@code undated}, PriorityAdded and PriorityRevised a nullable {@code focus},
 * all keeping revision 1 without an upcaster. Events stored before that, read through the application's
 * serializer, come back whole with the new component null (a dated note, no strands), and equal to the same
 * event built today without them, so a re-sent create is still recognised as a retry.
 */
class UndatedAndFocusSerializationTest {

    private static final LocalDate ON = LocalDate.of(2013, 6, 1);

    private final Serializer serializer = new SerializationConfiguration()
            .planLedgerSerializer(new AnnotationRevisionResolver());

    @Test
    void eventsStoredBeforeTheFieldsExistedReadAsDatedNotesAndPrioritiesWithoutStrands() {
        ProgressRecorded note = read(ProgressRecorded.class, "{\"planId\":\"p\",\"actionId\":\"a\",\"noteId\":\"a.n1\","
                + "\"period\":\"2013-06\",\"text\":\"Bid successful\",\"achieved\":41,\"planned\":60,"
                + "\"effectiveOn\":\"2013-06-01\"}");
        assertThat(note.undated()).isNull();
        assertThat(note).isEqualTo(new ProgressRecorded("p", "a", "a.n1", "2013-06", "Bid successful",
                new BigDecimal("41"), new BigDecimal("60"), false, ON));

        PriorityAdded added = read(PriorityAdded.class,
                "{\"planId\":\"p\",\"priorityId\":\"asb\",\"title\":\"ASB\",\"leads\":[\"Ann\"],\"effectiveOn\":\"2013-06-01\"}");
        assertThat(added.focus()).isNull();
        assertThat(added.focusStrands()).isEmpty();
        assertThat(added).isEqualTo(new PriorityAdded("p", "asb", "ASB", List.of("Ann"), List.of(), ON));

        assertThat(read(PriorityRevised.class,
                "{\"planId\":\"p\",\"priorityId\":\"asb\",\"title\":\"ASB\",\"leads\":[],\"effectiveOn\":\"2013-06-01\"}"))
                .isEqualTo(new PriorityRevised("p", "asb", "ASB", List.of(), ON));
    }

    @Test
    void theNewFieldsSurviveTheStoreAtRevisionOne() {
        for (Object event : new Object[]{
                new ProgressRecorded("p", "a", "a.n1", "2013-01", "Background", null, null, true, ON),
                new PriorityAdded("p", "asb", "ASB", List.of(), List.of("Street drinking", "Nuisance"), ON),
                new PriorityRevised("p", "asb", "ASB", List.of(), List.of("Nuisance"), ON),
                new ObjectiveRetired("p", "asb-2", "dropped", ON),
                new IndicatorRetired("p", "calls", "not published", ON),
                new IndicatorReadingCorrected("p", "calls", "calls.2013_14", new BigDecimal("1175"), 48_000L, "final",
                        "revised", ON)}) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            assertThat(stored.getType().getRevision()).isEqualTo("1");
            Object read = serializer.deserialize(stored);
            assertThat(read).isEqualTo(event);
        }
    }

    private <T> T read(Class<T> type, String storedJson) {
        return serializer.deserialize(new SimpleSerializedObject<>(storedJson, String.class, type.getName(), "1"));
    }
}
