package org.planledger.infra.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.ClosePlan;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.ledger.LedgerVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer commits its commands in batches (one transaction per batch, not per command). With
 * batches of 7 events, Kettering's file spans dozens of them, and commands on one action straddle batch
 * boundaries: what is stored, chained and reported must be what one commit per command stored.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"planledger.demo.enabled=false", "planledger.import.batch-events=7"})
class ImportBatchesTest {

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
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    CommandSender sender;

    @Test
    void aFileSpanningManyBatchesIsStoredWholeChainedAndReportedAsWithOneCommitPerCommand() {
        ImportReport first = importer.importFile(KetteringPlan.bytes(), "kettering.json", "tester", line -> { });

        // the same count KetteringImportTest asserts for one commit per command
        assertThat(count("domain_event_entry")).isEqualTo(1 + 4 + 12 + 23 + 60 + 60 + 6 + 18 + 3 + 1 + 9);
        assertThat(count("ledger_chain")).as("every event chained").isEqualTo(count("domain_event_entry"));
        assertThat(first.sent()).isEqualTo(first.commands());
        assertThat(first.skippedAsAlreadyRecorded()).isZero();
        assertThat(verifier.verify().verified()).isTrue();

        ImportReport again = importer.importFile(KetteringPlan.bytes(), "kettering.json", "tester", line -> { });
        assertThat(again.sent()).isZero();
        assertThat(again.skippedAsAlreadyRecorded()).isEqualTo(again.commands());

        // revisions after batches: each aggregate is loaded from what the batches committed
        String changed = new String(KetteringPlan.withRatingsRefreshAndCompletion(), StandardCharsets.UTF_8)
                .replace("\"title\": \"Anti-social behaviour\"", "\"title\": \"Anti-social behaviour and nuisance\"");
        long before = count("domain_event_entry");
        ImportReport revised = importer.importFile(changed.getBytes(StandardCharsets.UTF_8), "kettering-v2.json", "tester",
                line -> { });
        assertThat(revised.sent()).as("2 ratings, a completion, a refresh and the title").isEqualTo(5);
        assertThat(count("domain_event_entry")).isEqualTo(before + 5);
        assertThat(verifier.verify().verified()).isTrue();

        refusedRevisionsAreListedAndTheRestOfTheFileStillGoesThrough();
    }

    /**
     * A revision the plan refuses (it is closed) is listed and the import goes on with the commands after it,
     * which load the plan again from the store; nothing is stored for the refused ones, nothing is lost.
     * Runs on the store the test above leaves.
     */
    private void refusedRevisionsAreListedAndTheRestOfTheFileStillGoesThrough() {
        String planId = "kettering-csp-2013-2016";
        long imported = count("domain_event_entry");
        sender.sendAndWait(new ClosePlan(planId, "plan-closed", "ended", null, null),
                CommandOrigin.of("tester", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API));
        long closed = count("domain_event_entry");
        assertThat(closed).isGreaterThan(imported);

        String changed = new String(KetteringPlan.withRatingsRefreshAndCompletion(), StandardCharsets.UTF_8)
                .replace("\"title\": \"Anti-social behaviour\"", "\"title\": \"Anti-social behaviour in town centres\"")
                .replace("\"title\": \"Violence\"", "\"title\": \"Violence and abuse\"");
        ImportReport report = importer.importFile(changed.getBytes(StandardCharsets.UTF_8), "kettering-v3.json", "tester",
                line -> { });

        assertThat(report.notApplied()).filteredOn(line -> line.contains("refused")).hasSize(2);
        assertThat(report.sent()).isZero();
        assertThat(count("domain_event_entry")).isEqualTo(closed);
        assertThat(count("ledger_chain")).isEqualTo(count("domain_event_entry"));
        assertThat(verifier.verify().verified()).isTrue();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
