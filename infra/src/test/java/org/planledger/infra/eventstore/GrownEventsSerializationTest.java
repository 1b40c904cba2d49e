package org.planledger.infra.eventstore;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and value types that gained nullable components for issue 13 (readings with id, cost, note
 * and series; targets with a baseline period and peer group) kept revision 1 and a second
 * constructor. Events stored before must read through the application's serializer with nulls,
 * with no upcaster, and Jackson must still pick the canonical constructor.
 */
class GrownEventsSerializationTest {

    private static final LocalDate ON = LocalDate.of(2014, 3, 31);

    private final Serializer serializer = new SerializationConfiguration()
            .planLedgerSerializer(new AnnotationRevisionResolver());

    @Test
    void aReadingStoredBeforeTheSeriesFieldsReadsWithNulls() {
        assertThat(read(IndicatorReadingRecorded.class,
                "{\"planId\":\"p\",\"indicatorId\":\"i\",\"value\":8.5,\"period\":\"2013/14\",\"source\":\"Survey\",\"effectiveOn\":\"2014-03-31\"}"))
                .isEqualTo(new IndicatorReadingRecorded("p", "i", new BigDecimal("8.5"), "2013/14", "Survey", ON));
    }

    @Test
    void aTargetStoredBeforeTheBaselinePeriodAndPeerGroupReadsWithNulls() {
        IndicatorRebaselined read = read(IndicatorRebaselined.class,
                "{\"planId\":\"p\",\"indicatorId\":\"i\",\"target\":{\"kind\":\"ABSOLUTE\",\"value\":9,\"text\":\"below 9%\"},"
                        + "\"reason\":\"refresh\",\"effectiveOn\":\"2014-03-31\"}");
        assertThat(read.target()).isEqualTo(new Target(TargetKind.ABSOLUTE, new BigDecimal("9"), "below 9%"));
    }

    @Test
    void newComponentsSurviveARoundTrip() {
        for (Object event : new Object[]{
                new IndicatorReadingRecorded("p", "i", "r1", new BigDecimal("233"), "2014/15", 125_000L, "provisional",
                        "iQuanta", "PEER", ON),
                new IndicatorRebaselined("p", "i", null, new Target(TargetKind.PEER_COMPARISON, null, "below MSG", "2011/12", "MSG"),
                        null, "refresh", ON)}) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            assertThat(stored.getType().getRevision()).isEqualTo("1");
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
    }

    private <T> T read(Class<T> type, String storedJson) {
        return serializer.deserialize(new SimpleSerializedObject<>(storedJson, String.class, type.getName(), "1"));
    }
}
