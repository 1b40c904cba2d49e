package org.planledger.infra.postgres;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.SlowLane;
import org.planledger.infra.ledger.LedgerChain;
import org.planledger.infra.ledger.LedgerCheckpoints;
import org.planledger.infra.ledger.LedgerExport;
import org.planledger.infra.ledger.LedgerVerifier;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the ledger is verified: {@code ledger.speed.events} (default 100,000) generated events in
 * 1,000 streams, with payloads and metadata the size of real progress notes, written straight into
 * {@code domain_event_entry}; then the start-up back-fill chains them, a checkpoint is recorded, and
 * verification and export are timed (on H2 also tools/verify-ledger.py). Prints one LEDGER SPEED
 * line per store; the figures are in docs/tamper-evidence.md.
 */
@SlowLane
class LedgerSpeedTest {

    static final int EVENTS = Integer.getInteger("ledger.speed.events", 100_000);
    static final int STREAMS = 1_000;

    @TempDir
    static Path dir;

    @Test
    void h2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("speed") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        measure("H2 file", h2, true);
    }

    @Test
    void postgres() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(database.url());
            postgres.setUser(database.user());
            postgres.setPassword(database.password());
            postgres.setReWriteBatchedInserts(true);
            measure("PostgreSQL", postgres, false);
        }
    }

    void measure(String store, DataSource dataSource, boolean script) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        generate(dataSource);

        long start = System.nanoTime();
        LedgerChain.Backfill backfill;
        try (Connection connection = dataSource.getConnection()) {
            backfill = new LedgerChain().startOrCheck(connection);
        }
        double backfillSeconds = seconds(start);
        assertThat(backfill.events()).isEqualTo(EVENTS);

        LedgerCheckpoints checkpoints = new LedgerCheckpoints(dataSource, Optional.empty());
        start = System.nanoTime();
        checkpoints.record("speed test");
        double checkpointSeconds = seconds(start);

        LedgerVerifier verifier = new LedgerVerifier(dataSource, checkpoints);
        verifier.verify();
        start = System.nanoTime();
        LedgerVerifier.Report report = verifier.verify();
        double verifySeconds = seconds(start);
        assertThat(report.verified()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.events()).isEqualTo(EVENTS);

        Path export = dir.resolve("export-" + store.replace(' ', '-') + ".ndjson");
        start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export))) {
            new LedgerExport(dataSource, checkpoints).write(out);
        }
        double exportSeconds = seconds(start);
        String scriptFigure = "";
        if (script) {
            start = System.nanoTime();
            try {
                Process process = new ProcessBuilder("python3", tool().toString(), export.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
                assertThat(process.exitValue()).isZero();
                double scriptSeconds = seconds(start);
                scriptFigure = ", tools/verify-ledger.py %.1f s (%,.0f events/s)".formatted(scriptSeconds, EVENTS / scriptSeconds);
            } catch (java.io.IOException e) {
                scriptFigure = ", python3 missing";
            }
        }
        System.out.printf("LEDGER SPEED %s: %,d events in %,d streams: back-fill %.1f s (%,.0f events/s), checkpoint %.2f s, "
                        + "verify %.1f s (%,.0f events/s), export %.1f s (%,d MB)%s%n", store, EVENTS, STREAMS, backfillSeconds,
                EVENTS / backfillSeconds, checkpointSeconds, verifySeconds, EVENTS / verifySeconds, exportSeconds,
                Files.size(export) >> 20, scriptFigure);
        Files.delete(export);
    }

    static Path tool() {
        return Files.exists(Path.of("../tools/verify-ledger.py")) ? Path.of("../tools/verify-ledger.py")
                : Path.of("tools/verify-ledger.py");
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Progress notes: 1,000 action streams, events spread over them round-robin as a busy partnership's would be. */
    static void generate(DataSource dataSource) throws Exception {
        String metadata = "{\"actor\":\"lead1\",\"actorRoles\":\"DELIVERY_LEAD\",\"source\":\"api\",\"reason\":null,"
                + "\"correlationId\":\"%s\",\"causationId\":\"%s\",\"traceId\":\"%s\"}";
        String payload = "{\"planId\":\"kettering-csp-2013-2016\",\"actionId\":\"action-%d\",\"noteId\":\"note-%d\","
                + "\"period\":\"2013-06\",\"text\":\"June 2013: bid successful, £17.7k awarded from the Police and Crime "
                + "Commissioner's fund; target hardening visits booked for the next quarter with the fire service.\","
                + "\"achieved\":41,\"planned\":60,\"effectiveOn\":\"2013-06-01\"}";
        Instant time = Instant.parse("2013-06-01T09:00:00Z");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (aggregateIdentifier, "
                     + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                     + "VALUES (?, ?, 'Action', ?, ?, ?, '1', 'org.planledger.events.ProgressRecorded', ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < EVENTS; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, "action-" + (i % STREAMS));
                insert.setLong(2, i / STREAMS);
                insert.setString(3, id);
                insert.setBytes(4, metadata.formatted(id, id, id).getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, payload.formatted(i % STREAMS, i).getBytes(StandardCharsets.UTF_8));
                insert.setString(6, time.plusSeconds(i * 60L).toString());
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
