package org.planledger.infra.eventstore;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating, refresh, closure, completion, cessation and reopening events gained a nullable client
 * id and kept revision 1. Events stored before that have no such property; read through the
 * serializer the application stores events with, they must come back whole, with a null id, and
 * with no upcaster. New events keep their id through a round trip.
 */
class ClientIdEventsSerializationTest {

    private static final LocalDate ON = LocalDate.of(2013, 5, 1);

    private final Serializer serializer = new SerializationConfiguration()
            .planLedgerSerializer(new AnnotationRevisionResolver());

    @Test
    void eventsStoredWithoutTheIdReadWithANullId() {
        assertThat(read(RagAssessed.class,
                "{\"planId\":\"p\",\"actionId\":\"a\",\"rag\":\"AMBER\",\"reason\":\"late\",\"effectiveOn\":\"2013-05-01\"}"))
                .isEqualTo(new RagAssessed("p", "a", null, RagStatus.AMBER, "late", ON));
        assertThat(read(PlanRefreshed.class,
                "{\"planId\":\"p\",\"note\":\"unchanged\",\"effectiveOn\":\"2013-05-01\"}"))
                .isEqualTo(new PlanRefreshed("p", null, "unchanged", ON));
        assertThat(read(PlanClosed.class,
                "{\"planId\":\"p\",\"reason\":\"superseded\",\"effectiveOn\":\"2013-05-01\"}"))
                .isEqualTo(new PlanClosed("p", null, "superseded", ON));
        assertThat(read(ActionCompleted.class,
                "{\"planId\":\"p\",\"actionId\":\"a\",\"note\":\"done\",\"effectiveOn\":\"2013-05-01\"}"))
                .isEqualTo(new ActionCompleted("p", "a", null, "done", ON));
        assertThat(read(ActionCeased.class,
                "{\"planId\":\"p\",\"actionId\":\"a\",\"reason\":\"costs\",\"effectiveOn\":\"2013-05-01\"}"))
                .isEqualTo(new ActionCeased("p", "a", null, "costs", ON));
        assertThat(read(ActionReopened.class,
                "{\"planId\":\"p\",\"actionId\":\"a\",\"reason\":\"funded\",\"effectiveOn\":\"2013-05-01\"}"))
                .isEqualTo(new ActionReopened("p", "a", null, "funded", ON));
    }

    @Test
    void eventsWithAnIdKeepItThroughTheStore() {
        for (Object event : new Object[]{
                new RagAssessed("p", "a", "a.r1", RagStatus.GREEN, null, ON),
                new PlanRefreshed("p", "p.r1", "unchanged", ON),
                new PlanClosed("p", "close-1", "superseded", ON),
                new ActionCompleted("p", "a", "a.c1", "done", ON),
                new ActionCeased("p", "a", "a.c1", "costs", ON),
                new ActionReopened("p", "a", "a.o1", "funded", ON)}) {
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
