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
    void notesTalliesAndIndicatorsStoredBeforeReadWithNulls() {
        assertThat(read(ProgressRecorded.class,
                "{\"planId\":\"p\",\"actionId\":\"a\",\"noteId\":\"n\",\"period\":\"2013-06\",\"text\":\"t\",\"effectiveOn\":\"2014-03-31\"}"))
                .isEqualTo(new ProgressRecorded("p", "a", "n", "2013-06", "t", ON));
        assertThat(read(ReferralsTallied.class,
                "{\"planId\":\"p\",\"actionId\":\"a\",\"tallyId\":\"t\",\"periodFrom\":\"2013-04-01\",\"periodTo\":\"2014-03-31\","
                        + "\"count\":65,\"totalCostPence\":1094300,\"note\":null,\"effectiveOn\":\"2014-03-31\"}"))
                .isEqualTo(new ReferralsTallied("p", "a", "t", LocalDate.of(2013, 4, 1), ON, 65, 1_094_300L, null, ON));
        assertThat(read(IndicatorDefined.class,
                "{\"planId\":\"p\",\"objectiveId\":\"o\",\"indicatorId\":\"i\",\"name\":\"n\",\"unit\":\"COUNT\","
                        + "\"direction\":\"REDUCE\",\"target\":{\"kind\":\"MONITOR_ONLY\",\"text\":\"monitor\"},\"effectiveOn\":\"2014-03-31\"}"))
                .isEqualTo(new IndicatorDefined("p", "o", "i", "n", IndicatorUnit.COUNT, Direction.REDUCE, null,
                        new Target(TargetKind.MONITOR_ONLY, null, "monitor"), null, null, null, ON));
    }

    @Test
    void newComponentsSurviveARoundTrip() {
        for (Object event : new Object[]{
                new IndicatorReadingRecorded("p", "i", "r1", new BigDecimal("233"), "2014/15", 125_000L, "provisional",
                        "iQuanta", "PEER", ON),
                new IndicatorRebaselined("p", "i", null, new Target(TargetKind.PEER_COMPARISON, null, "below MSG", "2011/12", "MSG"),
                        null, "refresh", ON),
                new ProgressRecorded("p", "a", "n", "2013-06", "t", new BigDecimal("41"), new BigDecimal("60"), ON),
                new ReferralsTallied("p", "a", "t", ON, ON, 65, (Long) null, null, ON),
                new IndicatorDefined("p", null, "pr", "i", "n", IndicatorUnit.MONEY, Direction.REDUCE, null,
                        new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "fewer"), null, null, null, ON),
                new IndicatorSeriesBroken("p", "i", ON, "rules", true, ON),
                new IndicatorLinked("p", "i", "o2", ON),
                new PlanMemberRecorded("p", "m", null, "Police", "member", ON, null, ON)}) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            assertThat(stored.getType().getRevision()).isEqualTo("1");
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
    }

    private <T> T read(Class<T> type, String storedJson) {
        return serializer.deserialize(new SimpleSerializedObject<>(storedJson, String.class, type.getName(), "1"));
    }
}
