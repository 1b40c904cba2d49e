package org.planledger.infra.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.RecordBoardMeeting;
import org.planledger.command.api.RecordProgress;
import org.planledger.infra.SlowLane;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.importer.PlanImporter;
import org.planledger.infra.ledger.LedgerExport;
import org.planledger.infra.ledger.LedgerVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger on the postgres profile: concurrent writers on different aggregates each chain their
 * own stream (no global head to serialise on), the store verifies, a board meeting's checkpoint
 * holds, and direct SQL edits are named by the server and by tools/verify-ledger.py alike.
 */
@SlowLane
class PostgresLedgerTest {

    private static final String PLAN = "kettering-csp-2013-2016";
    private static final CommandOrigin MANAGER = CommandOrigin.of("manager", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);

    @TempDir
    static Path dataDir;

    static ScratchDatabase database;
    static ConfigurableApplicationContext application;
    static JdbcTemplate jdbc;
    static LedgerVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        database = ScratchDatabase.create();
        application = PostgresApplication.start(database, dataDir, "--planledger.query-side.enabled=false",
                "--planledger.ledger.daily-checkpoint.enabled=false", "--planledger.demo.enabled=false");
        jdbc = application.getBean(JdbcTemplate.class);
        verifier = application.getBean(LedgerVerifier.class);
        byte[] plan = new ClassPathResource("plans/kettering-2013-2016.json").getInputStream().readAllBytes();
        application.getBean(PlanImporter.class).importFile(plan, "kettering.json", "tester", line -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        PostgresApplication.stop(application, database);
    }

    @Test
    void concurrentWritersOnDifferentStreamsAllChainAndTheStoreVerifies() throws Exception {
        CommandSender sender = application.getBean(CommandSender.class);
        List<String> actions = jdbc.queryForList("select distinct aggregateIdentifier from domain_event_entry "
                + "where payloadType like '%ActionAdded' and aggregateIdentifier not in (select aggregateIdentifier "
                + "from domain_event_entry where payloadType like '%Ceased' or payloadType like '%Completed') "
                + "order by aggregateIdentifier", String.class).subList(0, 8);
        ExecutorService writers = Executors.newFixedThreadPool(actions.size());
        List<Future<?>> done = new ArrayList<>();
        for (String action : actions) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    sender.sendAndWait(new RecordProgress(action, "pg-note-" + i, "2014-0" + (1 + i % 9),
                            "Concurrent note " + i, null), MANAGER);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(3, TimeUnit.MINUTES);
        }
        writers.shutdown();
        sender.sendAndWait(new RecordBoardMeeting(PLAN, "pg-board", LocalDate.of(2014, 3, 20), "Board", null), MANAGER);

        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from ledger_chain", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from ledger_checkpoint where reason like 'board meeting pg-board %'",
                Long.class)).isEqualTo(1);
        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.verified()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.events()).isEqualTo(events);
        Map<String, Object> script = script();
        if (script != null) {
            assertThat(script).containsEntry("verified", true).containsEntry("head", report.head());
        }
    }

    @Test
    void anEditedPayloadAndAForgedRowAreNamedOnPostgres() throws Exception {
        Map<String, Object> note = jdbc.queryForList("select * from domain_event_entry where payloadType like "
                + "'%ProgressRecorded' order by globalIndex limit 1").get(0);
        long index = ((Number) note.get("globalindex")).longValue();
        byte[] payload = ((byte[]) note.get("payload")).clone();
        payload[payload.length / 2] ^= 1;
        try {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", payload, index);
            LedgerVerifier.Report report = verifier.verify();
            assertThat(report.firstBreak().failure()).isEqualTo(LedgerVerifier.Failure.CONTENT_CHANGED);
            assertThat(report.firstBreak().globalIndex()).isEqualTo(index);
            Map<String, Object> script = script();
            if (script != null) {
                assertThat(script.get("verified")).isEqualTo(false);
                assertThat(script.get("firstBreak").toString()).contains("CONTENT_CHANGED").contains("globalIndex=" + index);
            }
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", note.get("payload"), index);
        }
        String action = (String) note.get("aggregateidentifier");
        long next = jdbc.queryForObject("select max(sequenceNumber) + 1 from domain_event_entry where aggregateIdentifier = ?",
                Long.class, action);
        jdbc.update("insert into domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                action, next, note.get("type"), "pg-forged", note.get("metadata"), note.get("payload"),
                note.get("payloadrevision"), note.get("payloadtype"), note.get("timestamp"));
        try {
            LedgerVerifier.Report report = verifier.verify();
            assertThat(report.firstBreak().failure()).isEqualTo(LedgerVerifier.Failure.FORGED);
            assertThat(report.firstBreak().eventIdentifier()).isEqualTo("pg-forged");
        } finally {
            jdbc.update("delete from domain_event_entry where eventIdentifier = 'pg-forged'");
        }
        assertThat(verifier.verify().verified()).isTrue();
    }

    /** The export run through tools/verify-ledger.py, or null where python3 is missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> script() throws Exception {
        Path tool = Files.exists(Path.of("../tools/verify-ledger.py")) ? Path.of("../tools/verify-ledger.py")
                : Path.of("tools/verify-ledger.py");
        Path file = Files.createTempFile(dataDir, "ledger", ".ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            application.getBean(LedgerExport.class).write(out);
        }
        Process process;
        try {
            process = new ProcessBuilder("python3", tool.toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            System.out.println("LEDGER python3 is missing: skipping the check of tools/verify-ledger.py");
            return null;
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(new String(output, StandardCharsets.UTF_8), Map.class);
    }
}
