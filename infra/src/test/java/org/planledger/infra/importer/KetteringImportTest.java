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
        // + 6 tallies + 18 funding + 3 spend + 1 cessation + 9 members (the back cover's agencies)
        assertThat(eventsAfterFirst).isEqualTo(1 + 4 + 12 + 23 + 60 + 60 + 6 + 18 + 3 + 1 + 9);
        assertThat(progress).anyMatch(line -> line.contains("of " + first.commands() + " commands"));

        assertThat(first.sent()).isEqualTo(first.commands());
        assertThat(first.skippedAsAlreadyRecorded()).isZero();

        ImportReport second = importer.importFile(KetteringPlan.bytes(), "kettering.json", "tester", line -> { });

        assertThat(eventCount()).isEqualTo(eventsAfterFirst);
        assertThat(second.sent()).isZero();
        assertThat(second.created()).isZero();
        assertThat(second.revised()).isZero();
        assertThat(second.unchanged()).as("every record was already stored").isPositive();
        assertThat(second.skippedAsAlreadyRecorded()).isEqualTo(second.commands());

        // Kettering's file has no ratings or refreshes and only a cessation; the variant adds them.
        ImportReport third = importer.importFile(KetteringPlan.withRatingsRefreshAndCompletion(), "kettering+.json",
                "tester", line -> { });
        long eventsAfterThird = eventCount();
        assertThat(eventsAfterThird).as("2 ratings, a completion and a refresh").isEqualTo(eventsAfterFirst + 4);
        assertThat(third.sent()).isEqualTo(4);
        assertThat(third.created()).isEqualTo(4);

        ImportReport fourth = importer.importFile(KetteringPlan.withRatingsRefreshAndCompletion(), "kettering+.json",
                "tester", line -> { });
        assertThat(eventCount()).isEqualTo(eventsAfterThird);
        assertThat(fourth.sent()).isZero();

        aChangedFileIsAppliedAsRevisionsAndADryRunStoresNothing();
    }

    /** Runs on the store the first test leaves, as the plan's ids are aggregate ids. */
    private void aChangedFileIsAppliedAsRevisionsAndADryRunStoresNothing() {
        String planText = new String(KetteringPlan.withRatingsRefreshAndCompletion(), StandardCharsets.UTF_8);
        long before = eventCount();
        String changed = planText
                .replace("\"title\": \"Anti-social behaviour\"", "\"title\": \"Anti-social behaviour and nuisance\"")
                .replace("\"kind\": \"ABSOLUTE\",\n                \"value\": 17.9,", "\"kind\": \"ABSOLUTE\",\n                \"value\": 17.5,");
        assertThat(changed).isNotEqualTo(planText);
        byte[] file = changed.getBytes(StandardCharsets.UTF_8);

        ImportReport preview = importer.importFile(file, "kettering-v2.json", "tester", true, line -> { });

        assertThat(eventCount()).as("a dry run stores nothing").isEqualTo(before);
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.revisedRecords()).contains("priority 'asb': title", "indicator 'asb-cleaner-litter': target");
        assertThat(preview.created()).isZero();
        assertThat(preview.sent()).as("commands that would record events").isEqualTo(2);

        ImportReport applied = importer.importFile(file, "kettering-v2.json", "tester", line -> { });

        assertThat(applied.revisedRecords()).isEqualTo(preview.revisedRecords());
        assertThat(eventCount()).isEqualTo(before + 2);
        ImportReport again = importer.importFile(file, "kettering-v2.json", "tester", line -> { });
        assertThat(again.revised()).isZero();
        assertThat(eventCount()).isEqualTo(before + 2);
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
