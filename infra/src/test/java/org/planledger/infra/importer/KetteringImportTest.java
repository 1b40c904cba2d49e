package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports the Kettering plan into a fresh embedded store, through the real command bus. */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "planledger.demo.enabled=false")
class KetteringImportTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", dataDir::toString);
    }

    @Autowired
    PlanImporter importer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsOnceAndASecondImportOfTheSameFileChangesNothing() {
        List<String> progress = new ArrayList<>();
        ImportReport first = importer.importFile(KetteringPlan.bytes(), "kettering.json", "tester", progress::add);
        long eventsAfterFirst = eventCount();

        assertThat(first.actions()).isEqualTo(30);
        assertThat(first.progressNotes()).isEqualTo(60);
        // plan + 4 priorities + 12 objectives + 23 indicators + 30 x (registered + added) + 60 notes
        // + 6 tallies + 18 funding + 3 spend + 1 cessation
        assertThat(eventsAfterFirst).isEqualTo(1 + 4 + 12 + 23 + 60 + 60 + 6 + 18 + 3 + 1);
        assertThat(progress).anyMatch(line -> line.contains("of " + first.commands() + " commands"));

        assertThat(first.sent()).isEqualTo(first.commands());
        assertThat(first.skippedAsAlreadyRecorded()).isZero();

        ImportReport second = importer.importFile(KetteringPlan.bytes(), "kettering.json", "tester", line -> { });

        assertThat(eventCount()).isEqualTo(eventsAfterFirst);
        assertThat(second.commands()).isEqualTo(first.commands());
        assertThat(second.skippedAsAlreadyRecorded()).as("every command was already recorded").isEqualTo(second.commands());
        assertThat(second.sent()).isZero();

        // Kettering's file has no ratings or refreshes and only a cessation; the variant adds them.
        ImportReport third = importer.importFile(KetteringPlan.withRatingsRefreshAndCompletion(), "kettering+.json",
                "tester", line -> { });
        long eventsAfterThird = eventCount();
        assertThat(eventsAfterThird).as("2 ratings, a completion and a refresh").isEqualTo(eventsAfterFirst + 4);
        assertThat(third.sent()).isEqualTo(4);
        assertThat(third.skippedAsAlreadyRecorded()).isEqualTo(second.commands());

        ImportReport fourth = importer.importFile(KetteringPlan.withRatingsRefreshAndCompletion(), "kettering+.json",
                "tester", line -> { });
        assertThat(eventCount()).isEqualTo(eventsAfterThird);
        assertThat(fourth.skippedAsAlreadyRecorded()).isEqualTo(fourth.commands()).isEqualTo(first.commands() + 4);
        assertThat(fourth.sent()).isZero();
    }

    @Test
    void aRefusedFileImportsNothing() {
        long before = eventCount();
        byte[] broken = new String(KetteringPlan.bytes(), StandardCharsets.UTF_8)
                .replace("\"id\": \"kettering-csp-2013-2016\"", "\"id\": \"another-plan\"")
                .replaceFirst("\"count\": \\d+", "\"count\": -1")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFile(broken, "broken.json", "tester", line -> { }))
                .isInstanceOf(InvalidPlanDocumentException.class)
                .hasMessageContaining("count");
        assertThat(eventCount()).isEqualTo(before);
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
