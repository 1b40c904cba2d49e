package org.planledger.query;

import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.planledger.events.EventTypes;
import org.planledger.events.PlanLedgerEvent;
import org.planledger.query.journal.JournalDocuments;
import org.planledger.query.journal.JournalProjection;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.replay.EventDescriptions;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * One of every event the vocabulary permits, through every fold and every read model. The
 * compiler already makes each fold's switch exhaustive; this guards what it cannot see: the
 * handlers that take messages, the journal's codec, and the derived list of event types.
 */
class EveryEventTest {

    private static final String PLAN = "planId-1";
    private static final Instant RECORDED = Instant.parse("2014-01-01T09:00:00Z");

    @Test
    void the_derived_list_of_event_types_holds_every_event_record_in_the_events_package() throws Exception {
        List<Class<?>> declared = eventRecordsInPackage();

        assertThat(declared).hasSizeGreaterThan(30);
        assertThat(EventTypes.all()).containsExactlyInAnyOrderElementsOf(declared.stream()
                .<Class<? extends PlanLedgerEvent>>map(type -> type.asSubclass(PlanLedgerEvent.class)).toList());
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(type.getAnnotation(Revision.class)).as("@Revision on %s", type.getSimpleName()).isNotNull();
            assertThat(EventTypes.named(type.getSimpleName())).contains(type);
        });
    }

    @Test
    void every_event_folds_into_the_plan_and_is_described_whatever_came_before() {
        PlanView plan = PlanView.empty(PLAN);
        for (RecordedEvent recorded : recordedOneOfEach()) {
            PlanView before = plan;
            assertThatCode(() -> {
                PlanView alone = PlanReducer.apply(PlanView.empty(PLAN), recorded);
                EventDescriptions.changes(PlanView.empty(PLAN), alone, recorded);
                EventDescriptions.changes(before, PlanReducer.apply(before, recorded), recorded);
                EventDescriptions.reason(recorded);
            }).as(recorded.type()).doesNotThrowAnyException();
            plan = PlanReducer.apply(plan, recorded);
        }
        assertThat(plan.action("actionId-1")).isPresent();
    }

    @Test
    void every_event_comes_back_from_the_journal_as_it_went_in() {
        for (RecordedEvent recorded : recordedOneOfEach()) {
            Document entry = JournalDocuments.toDocument(recorded);

            assertThat(JournalDocuments.fromDocument(entry).event()).as(recorded.type()).isEqualTo(recorded.event());
        }
    }

    @Test
    void every_read_model_takes_every_event_through_its_handlers() {
        TestLedger.Events events = new TestLedger.Events();
        SampleEvents.oneOfEach().forEach(events::add);
        try (TestLedger ledger = new TestLedger()) {
            assertThatCode(() -> ledger.feed(events.messages(), 10)).doesNotThrowAnyException();

            Document journaled = ledger.database.getCollection(JournalProjection.PLANS).find(new Document("_id", PLAN)).first();
            assertThat(journaled.getInteger("eventCount")).isEqualTo(EventTypes.all().size());
        }
    }

    private static List<RecordedEvent> recordedOneOfEach() {
        List<RecordedEvent> recorded = new ArrayList<>();
        for (PlanLedgerEvent event : SampleEvents.oneOfEach()) {
            long sequence = recorded.size();
            recorded.add(RecordedEvent.of(sequence, event, new AuditInfo("actor-1", List.of("PLAN_MANAGER"), null,
                    "api", null, null), RECORDED.plusSeconds(60 * sequence)));
        }
        return recorded;
    }

    /** Read from the compiled package itself, not from the hierarchy, so the two can be compared. */
    private static List<Class<?>> eventRecordsInPackage() throws IOException, URISyntaxException, ClassNotFoundException {
        String folder = PlanLedgerEvent.class.getPackageName().replace('.', '/');
        Path root = Path.of(PlanLedgerEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classFiles = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.map(file -> folder + "/" + file.getFileName()).forEach(classFiles::add);
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                Collections.list(jar.entries()).forEach(entry -> classFiles.add(entry.getName()));
            }
        }
        List<Class<?>> records = new ArrayList<>();
        for (String file : classFiles) {
            if (file.startsWith(folder + "/") && file.endsWith(".class") && !file.contains("$")
                    && file.indexOf('/', folder.length() + 1) < 0) {
                Class<?> type = Class.forName(file.substring(0, file.length() - ".class".length()).replace('/', '.'));
                if (type.isRecord() && PlanLedgerEvent.class.isAssignableFrom(type)) {
                    records.add(type);
                }
            }
        }
        return records;
    }
}
