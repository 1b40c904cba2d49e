package org.planledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.RecordBoardMeeting;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.importer.PlanImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper-evident ledger on the embedded store (H2): the Kettering plan is imported through the
 * real command bus and a board meeting recorded; then the store is changed directly with SQL, one
 * way at a time, and the server's verification and {@code tools/verify-ledger.py} (on an export)
 * must both name the break. Each tamper is undone before the next test.
 */
@SpringBootTest(classes = PlanLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerTest {

    static final String PLAN_ID = "kettering-csp-2013-2016";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", () -> dataDir.toString());
        // The ledger needs only the event store; projections would also read the forged rows.
        registry.add("planledger.query-side.enabled", () -> "false");
        registry.add("planledger.ledger.signing-key-file", () -> signingKey(dataDir).toString());
    }

    /** A fresh Ed25519 key as openssl writes it: PKCS#8 PEM. */
    static Path signingKey(Path dir) {
        try {
            Path file = dir.resolve("ledger-signing-key.pem");
            if (!Files.exists(file)) {
                byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n");
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanImporter importer;
    @Autowired
    CommandSender commands;
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    LedgerExport export;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    LedgerChain chain;
    @Autowired
    javax.sql.DataSource dataSource;

    final CommandOrigin manager = CommandOrigin.of("manager", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);

    /** One store for the class (one Spring context): filled once. */
    static boolean filled;

    @BeforeEach
    void kettering() throws IOException {
        if (filled) {
            return;
        }
        filled = true;
        byte[] plan = new ClassPathResource("plans/kettering-2013-2016.json").getInputStream().readAllBytes();
        importer.importFile(plan, "kettering.json", "tester", line -> { });
        commands.sendAndWait(new RecordBoardMeeting(PLAN_ID, "board-2013-11", LocalDate.of(2013, 11, 21),
                "Partnership board, November 2013", null), manager);
    }

    // ---- the chain as written ---------------------------------------------------------------------

    @Test
    void everyCommittedEventHasOneChainRowAndTheUntouchedStoreVerifies() throws Exception {
        long events = count("select count(*) from domain_event_entry");
        assertThat(events).isGreaterThan(180);
        assertThat(count("select count(*) from ledger_chain")).isEqualTo(events);
        assertThat(count("select count(*) from domain_event_entry e where not exists "
                + "(select 1 from ledger_chain c where c.global_index = e.globalIndex and c.event_identifier = e.eventIdentifier)"))
                .isZero();

        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.verified()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.events()).isEqualTo(events);
        assertThat(report.firstBreak()).isNull();
        assertThat(report.checkpoints()).isGreaterThanOrEqualTo(1);
        assertThat(report.chainStart()).as("the chain's start point").isNotNull();

        JsonNode script = script();
        if (script != null) {
            assertThat(script.path("verified").asBoolean()).as(script.toString()).isTrue();
            assertThat(script.path("events").asLong()).isEqualTo(events);
            assertThat(script.path("head").asText()).isEqualTo(report.head());
            assertThat(script.path("checkpoints").asLong()).isEqualTo(report.checkpoints());
        }
    }

    @Test
    void verificationDuringConcurrentWritesNeverSeesHalfAnAppend() throws Exception {
        List<String> actions = jdbc.queryForList("select distinct aggregateIdentifier from domain_event_entry "
                + "where payloadType like '%ActionAdded' and aggregateIdentifier not in (select aggregateIdentifier "
                + "from domain_event_entry where payloadType like '%Ceased' or payloadType like '%Completed') "
                + "order by aggregateIdentifier", String.class).subList(10, 14);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(actions.size());
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (String action : actions) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    commands.sendAndWait(new org.planledger.command.api.RecordProgress(action, "concurrent-" + i, "2014-03",
                            "Written while the ledger is verified", null), manager);
                }
                return null;
            }));
        }
        writers.shutdown();
        int verifications = 0;
        while (!writers.isTerminated() || verifications == 0) {
            LedgerVerifier.Report report = verifier.verify();
            assertThat(report.verified()).as("a verification during writes: " + report.firstBreak()).isTrue();
            verifications++;
        }
        for (java.util.concurrent.Future<?> future : done) {
            future.get();
        }
        assertThat(verifier.verify().verified()).isTrue();
        System.out.printf("LEDGER %d verifications while 4 writers appended 60 notes, all verified%n", verifications);
    }

    @Test
    void aRolledBackCommandLeavesNoChainRowAndNoCheckpoint() {
        long events = count("select count(*) from domain_event_entry");
        long checkpoints = count("select count(*) from ledger_checkpoint");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            commands.sendAndWait(new RecordBoardMeeting(PLAN_ID, "board-rolled-back", LocalDate.of(2014, 1, 9),
                    "Never held", null), manager);
            assertThat(count("select count(*) from ledger_chain")).as("inside the transaction").isEqualTo(events + 1);
            status.setRollbackOnly();
        });
        assertThat(count("select count(*) from domain_event_entry")).isEqualTo(events);
        assertThat(count("select count(*) from ledger_chain")).isEqualTo(events);
        assertThat(count("select count(*) from ledger_checkpoint")).isEqualTo(checkpoints);
        assertThat(verifier.verify().verified()).isTrue();
    }

    @Test
    void theBoardMeetingsCheckpointMatchesARecomputationFromTheExport() throws Exception {
        Map<String, Object> checkpoint = jdbc.queryForMap("select id, root, events, streams, reason, signature "
                + "from ledger_checkpoint where reason like 'board meeting board-2013-11 %'");
        assertThat((String) checkpoint.get("reason")).contains(PLAN_ID).contains("2013-11-21");
        assertThat(checkpoint.get("signature")).as("signed with the configured key").isNotNull();
        long eventsThen = ((Number) checkpoint.get("events")).longValue();
        assertThat(eventsThen).isEqualTo(count("select count(*) from ledger_chain c where c.global_index <= "
                + "(select max(global_index) from ledger_chain c2 where c2.event_identifier in "
                + "(select eventIdentifier from domain_event_entry where payloadType like '%BoardMeetingRecorded'))"));
        JsonNode script = script();
        Assumptions.assumeTrue(script != null, "python3 is not on this machine: the export was not checked by the script");
        assertThat(script.path("checkpointRoots").path(String.valueOf(checkpoint.get("id"))).asText())
                .as("the root recomputed from the exported events alone").isEqualTo(checkpoint.get("root"));
    }

    @Test
    void eventsStoredBeforeTheChainExistedAreChainedStreamByStream() throws Exception {
        long events = count("select count(*) from domain_event_entry");
        String action = (String) progressNote(6).get("aggregateidentifier");
        long actionEvents = count("select count(*) from domain_event_entry where aggregateIdentifier = '" + action + "'");
        // a store from before the ledger: no chain rows, no start point
        jdbc.update("delete from ledger_chain");
        jdbc.update("delete from ledger_chain_start");
        chain.forgetStartPoint();
        LedgerVerifier.Report unchained = verifier.verify();
        assertThat(unchained.verified()).isFalse();
        assertThat(unchained.firstBreak().failure()).isEqualTo(LedgerVerifier.Failure.FORGED);

        // A command on an old stream before the start-up back-fill: its stream is chained first, then the new event.
        commands.sendAndWait(new org.planledger.command.api.RecordProgress(action, "note-after-upgrade", "2014-02",
                "Recorded after the ledger was installed", null), manager);
        assertThat(count("select count(*) from ledger_chain")).isEqualTo(actionEvents + 1);

        LedgerChain.Backfill backfill;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            backfill = chain.startOrCheck(connection);
        }
        assertThat(backfill.started()).isTrue();
        assertThat(backfill.events()).isEqualTo(events - actionEvents);
        assertThat(backfill.through()).isEqualTo(count("select max(globalIndex) from domain_event_entry"));
        assertThat(count("select count(*) from ledger_chain")).isEqualTo(events + 1);

        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.verified()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.chainStart()).isEqualTo(backfill.through());
        assertThat(report.checkpoints()).as("the checkpoints recorded before still match: the back-fill hashes the same bytes")
                .isPositive();

        try (java.sql.Connection connection = dataSource.getConnection()) {
            LedgerChain.Backfill again = chain.startOrCheck(connection);
            assertThat(again.started()).isFalse();
            assertThat(again.unchainedAfterStart()).isZero();
        }
    }

    @Test
    void theVerifyCommandLinePrintsTheReportAndExitsOneOnABreak() throws Exception {
        Map<String, Object> note = progressNote(7);
        byte[] payload = ((byte[]) note.get("payload")).clone();
        payload[payload.length - 2] ^= 1;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", payload, index(note));
            exit = VerifyCommandLine.run(PlanLedgerApplication.class, new String[] {"verify",
                    "--planledger.data-dir=" + dataDir, "--planledger.security.demo-users=true"},
                    new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", note.get("payload"), index(note));
        }
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("firstBreak").path("failure").asText()).isEqualTo("CONTENT_CHANGED");
        assertThat(report.path("firstBreak").path("globalIndex").asLong()).isEqualTo(index(note));
        assertThat(VerifyCommandLine.run(PlanLedgerApplication.class, new String[] {"verify", "stray"},
                new java.io.PrintStream(out), new java.io.PrintStream(err))).isEqualTo(2);
    }

    // ---- tampering ---------------------------------------------------------------------------------

    @Test
    void anEditedPayloadByteIsContentChanged() throws Exception {
        Map<String, Object> note = progressNote(0);
        long index = index(note);
        byte[] payload = ((byte[]) note.get("payload")).clone();
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("2013");
        payload[at + 3] = (byte) '4';
        try {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", payload, index);
            expectBreak("CONTENT_CHANGED", index);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", note.get("payload"), index);
        }
        assertThat(verifier.verify().verified()).isTrue();
    }

    @Test
    void editedMetadataIsContentChanged() throws Exception {
        Map<String, Object> note = progressNote(1);
        long index = index(note);
        String metadata = new String((byte[]) note.get("metadata"), StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"actor\"");
        try {
            jdbc.update("update domain_event_entry set metaData = ? where globalIndex = ?",
                    metadata.replace("\"tester\"", "\"someone-else\"").getBytes(StandardCharsets.UTF_8), index);
            expectBreak("CONTENT_CHANGED", index);
        } finally {
            jdbc.update("update domain_event_entry set metaData = ? where globalIndex = ?", note.get("metadata"), index);
        }
    }

    @Test
    void aDeletedRowIsLinkMissing() throws Exception {
        Map<String, Object> note = progressNote(2);
        long index = index(note);
        try {
            jdbc.update("delete from domain_event_entry where globalIndex = ?", index);
            expectBreak("LINK_MISSING", index);
        } finally {
            insert(note);
        }
        assertThat(verifier.verify().verified()).isTrue();
    }

    @Test
    void twoRowsWithSwappedContentsAreOrderChanged() throws Exception {
        Map<String, Object> first = progressNote(3);
        Map<String, Object> second = progressNote(8);
        assertThat(first.get("aggregateidentifier")).isNotEqualTo(second.get("aggregateidentifier"));
        long a = index(first);
        long b = index(second);
        try {
            place(a, second, b, first);
            expectBreak("ORDER_CHANGED", Math.min(a, b));
        } finally {
            place(a, first, b, second);
        }
        assertThat(verifier.verify().verified()).isTrue();
    }

    @Test
    void anInsertedRowIsForged() throws Exception {
        Map<String, Object> note = progressNote(4);
        String action = (String) note.get("aggregateidentifier");
        long next = count("select max(sequenceNumber) + 1 from domain_event_entry where aggregateIdentifier = '" + action + "'");
        jdbc.update("insert into domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                action, next, note.get("type"), "forged-" + next, note.get("metadata"), note.get("payload"),
                note.get("payloadrevision"), note.get("payloadtype"), note.get("timestamp"));
        long forged = count("select globalIndex from domain_event_entry where eventIdentifier = 'forged-" + next + "'");
        try {
            expectBreak("FORGED", forged);
        } finally {
            jdbc.update("delete from domain_event_entry where globalIndex = ?", forged);
        }
        assertThat(verifier.verify().verified()).isTrue();
    }

    @Test
    void aRewrittenStreamWithARecomputedChainIsACheckpointMismatch() throws Exception {
        Map<String, Object> note = progressNote(5);
        String action = (String) note.get("aggregateidentifier");
        long sequence = ((Number) note.get("sequencenumber")).longValue();
        List<Map<String, Object>> chainBefore = jdbc.queryForList(
                "select global_index, hash, previous_hash from ledger_chain where aggregate_identifier = ?", action);
        byte[] payload = new String((byte[]) note.get("payload"), StandardCharsets.UTF_8)
                .replaceFirst("\"text\":\"", "\"text\":\"Nothing was done. ").getBytes(StandardCharsets.UTF_8);
        try {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", payload, index(note));
            rechain(action, sequence);
            LedgerVerifier.Report report = verifier.verify();
            assertThat(report.firstBreak().failure()).as(report.firstBreak().detail())
                    .isEqualTo(LedgerVerifier.Failure.CHECKPOINT_MISMATCH);
            assertThat(report.firstBreak().aggregateIdentifier()).isEqualTo(action);
            assertThat(report.firstBreak().checkpointId()).isNotNull();
            agreesWithScript(report);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where globalIndex = ?", note.get("payload"), index(note));
            for (Map<String, Object> row : chainBefore) {
                jdbc.update("update ledger_chain set hash = ?, previous_hash = ? where global_index = ?",
                        row.get("hash"), row.get("previous_hash"), row.get("global_index"));
            }
        }
        assertThat(verifier.verify().verified()).isTrue();
    }

    @Test
    void anEditedCheckpointFailsItsSignature() throws Exception {
        Map<String, Object> checkpoint = jdbc.queryForMap("select id, reason from ledger_checkpoint order by id limit 1");
        try {
            jdbc.update("update ledger_checkpoint set reason = ? where id = ?", "nothing happened", checkpoint.get("id"));
            LedgerVerifier.Report report = verifier.verify();
            assertThat(report.firstBreak().failure()).isEqualTo(LedgerVerifier.Failure.CHECKPOINT_MISMATCH);
            assertThat(report.firstBreak().detail()).contains("signature");
            agreesWithScript(report);
        } finally {
            jdbc.update("update ledger_checkpoint set reason = ? where id = ?", checkpoint.get("reason"), checkpoint.get("id"));
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    @Test
    void theEndpointsAnswerTheRolesTheyDeclare() throws Exception {
        HttpResponse<String> verified = get("/api/ledger/verify", "auditor");
        assertThat(verified.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(verified.body());
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.has("firstBreak")).isTrue();
        assertThat(report.path("firstBreak").isNull()).isTrue();
        assertThat(report.path("head").asText()).hasSize(64);
        assertThat(get("/api/ledger/verify", "board").statusCode()).isEqualTo(403);

        HttpResponse<String> exported = get("/api/ledger/export", "manager");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(exported.body().lines().findFirst().orElse("")).contains("planledger-ledger-export/1");
        assertThat(get("/api/ledger/export", "scrutiny").statusCode()).isEqualTo(403);

        HttpResponse<String> key = get("/api/ledger/public-key", "board");
        assertThat(JSON.readTree(key.body()).path("publicKey").asText()).startsWith("-----BEGIN PUBLIC KEY-----");

        HttpResponse<String> recorded = post("/api/ledger/checkpoints", "manager", "{\"reason\":\"quarterly audit\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(JSON.readTree(recorded.body()).path("root").asText()).hasSize(64);
        assertThat(post("/api/ledger/checkpoints", "manager", "{\"reason\":\" \"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/ledger/checkpoints", "auditor", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(verifier.verify().verified()).isTrue();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    /** The n-th progress note of 2013 in global order, every column. */
    Map<String, Object> progressNote(int n) {
        return jdbc.queryForList("select * from domain_event_entry where payloadType like '%ProgressRecorded' "
                + "order by globalIndex").stream()
                .filter(row -> new String((byte[]) row.get("payload"), StandardCharsets.UTF_8).contains("2013"))
                .skip(n).findFirst().orElseThrow();
    }

    static long index(Map<String, Object> row) {
        return ((Number) row.get("globalindex")).longValue();
    }

    void insert(Map<String, Object> row) {
        jdbc.update("insert into domain_event_entry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("globalindex"), row.get("aggregateidentifier"), row.get("sequencenumber"), row.get("type"),
                row.get("eventidentifier"), row.get("metadata"), row.get("payload"), row.get("payloadrevision"),
                row.get("payloadtype"), row.get("timestamp"));
    }

    /** Puts the contents of two rows (every column but the global index) at positions a and b. */
    void place(long a, Map<String, Object> atA, long b, Map<String, Object> atB) {
        for (long index : new long[] {a, b}) {
            jdbc.update("update domain_event_entry set eventIdentifier = ?, aggregateIdentifier = ? where globalIndex = ?",
                    "moving-" + index, "moving-" + index, index);
        }
        overwrite(a, atA);
        overwrite(b, atB);
    }

    void overwrite(long index, Map<String, Object> row) {
        jdbc.update("update domain_event_entry set aggregateIdentifier = ?, sequenceNumber = ?, type = ?, eventIdentifier = ?, "
                        + "metaData = ?, payload = ?, payloadRevision = ?, payloadType = ?, timeStamp = ? where globalIndex = ?",
                row.get("aggregateidentifier"), row.get("sequencenumber"), row.get("type"), row.get("eventidentifier"),
                row.get("metadata"), row.get("payload"), row.get("payloadrevision"), row.get("payloadtype"),
                row.get("timestamp"), index);
    }

    /** What a careful forger with write access to ledger_chain does: recompute the stream's chain from the edit on. */
    void rechain(String aggregate, long fromSequence) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from domain_event_entry where aggregateIdentifier = ? "
                + "and sequenceNumber >= ? order by sequenceNumber", aggregate, fromSequence);
        byte[] previous = fromSequence == 0 ? LedgerHash.GENESIS : LedgerHash.unhex(jdbc.queryForObject(
                "select hash from ledger_chain where aggregate_identifier = ? and sequence_number = ?", String.class,
                aggregate, fromSequence - 1));
        for (Map<String, Object> row : rows) {
            StoredEvent event = new StoredEvent(index(row), (String) row.get("eventidentifier"), (String) row.get("type"),
                    aggregate, ((Number) row.get("sequencenumber")).longValue(), (String) row.get("payloadtype"),
                    (String) row.get("payloadrevision"), (String) row.get("timestamp"), (byte[]) row.get("payload"),
                    (byte[]) row.get("metadata"));
            byte[] hash = LedgerHash.eventHash(event, previous);
            jdbc.update("update ledger_chain set hash = ?, previous_hash = ? where global_index = ?",
                    LedgerHash.hex(hash), LedgerHash.hex(previous), event.globalIndex());
            previous = hash;
        }
    }

    void expectBreak(String failure, long globalIndex) throws Exception {
        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.verified()).isFalse();
        assertThat(report.firstBreak()).isNotNull();
        assertThat(report.firstBreak().failure().name()).as(report.firstBreak().detail()).isEqualTo(failure);
        assertThat(report.firstBreak().globalIndex()).isEqualTo(globalIndex);
        System.out.printf("LEDGER %s detected: %s%n", failure, report.firstBreak());
        agreesWithScript(report);
    }

    void agreesWithScript(LedgerVerifier.Report report) throws Exception {
        JsonNode script = script();
        if (script == null) {
            return;
        }
        assertThat(script.path("verified").asBoolean()).isEqualTo(report.verified());
        assertThat(script.path("breaks").asLong()).as(script.toString()).isEqualTo(report.breaks());
        JsonNode first = script.path("firstBreak");
        assertThat(first.path("failure").asText()).isEqualTo(report.firstBreak().failure().name());
        if (report.firstBreak().globalIndex() != null) {
            assertThat(first.path("globalIndex").asLong()).isEqualTo(report.firstBreak().globalIndex());
        }
        if (report.firstBreak().checkpointId() != null) {
            assertThat(first.path("checkpointId").asLong()).isEqualTo(report.firstBreak().checkpointId());
        }
    }

    /** Exports the ledger and runs tools/verify-ledger.py on it; null (with a message) where python3 is missing. */
    JsonNode script() throws Exception {
        Path tool = Files.exists(Path.of("../tools/verify-ledger.py")) ? Path.of("../tools/verify-ledger.py")
                : Path.of("tools/verify-ledger.py");
        assertThat(tool).exists();
        if (!python3Available()) {
            System.out.println("LEDGER python3 is missing: skipping the check of tools/verify-ledger.py");
            return null;
        }
        Path file = Files.createTempFile(dataDir, "ledger", ".ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.write(out);
        }
        Process process = new ProcessBuilder("python3", tool.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonNode report = JSON.readTree(output);
        assertThat(process.exitValue()).isEqualTo(report.path("verified").asBoolean() ? 0 : 1);
        return report;
    }

    static boolean python3Available() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), user);
    }

    HttpResponse<String> post(String path, String user, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.header("Authorization", "Basic " + credentials).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
