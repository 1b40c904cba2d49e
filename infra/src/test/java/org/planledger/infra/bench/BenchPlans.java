package org.planledger.infra.bench;

import org.planledger.command.api.AcceptReferral;
import org.planledger.command.api.AddAction;
import org.planledger.command.api.AddObjective;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.AllocateFunding;
import org.planledger.command.api.AssessRag;
import org.planledger.command.api.CloseReferral;
import org.planledger.command.api.DraftPlan;
import org.planledger.command.api.IdentifyRisk;
import org.planledger.command.api.RecordBoardMeeting;
import org.planledger.command.api.RecordProgress;
import org.planledger.command.api.RecordReferral;
import org.planledger.command.api.RecordSpend;
import org.planledger.command.api.TallyReferrals;
import org.planledger.events.Cadence;
import org.planledger.events.FinancialYear;
import org.planledger.events.Lead;
import org.planledger.events.RagStatus;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.ledger.LedgerHash;
import org.planledger.infra.ledger.StoredEvent;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans for the benchmarks. A "three-year plan" is written through the command gateway, exactly as
 * the API would (60 actions, each with 18 dated notes, 6 RAG ratings, 5 referral cases taken from
 * received to closed, funding, spend, a tally and a risk: about 3,100 events). Large stores are
 * made by copying that plan's rows in the event table with every id renamed ({@code g000} becomes
 * {@code g042}), which gives well-formed streams at raw JDBC speed instead of command speed.
 */
final class BenchPlans {

    static final CommandOrigin ORIGIN = CommandOrigin.of("bench", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);
    static final int ACTIONS = 60;
    static final int NOTES = 18;
    static final int RAG_RATINGS = 6;
    static final int REFERRALS = 5;
    static final LocalDate START = LocalDate.parse("2013-04-01");

    private BenchPlans() {
    }

    static String planId(int number) {
        return "g%03d".formatted(number);
    }

    static String actionId(String planId, int action) {
        return planId + "-a%02d".formatted(action);
    }

    /** Plan, four priorities, eight objectives and the actions, without any delivery work. */
    static void structure(CommandSender sender, String planId, int actions) {
        send(sender, new DraftPlan(planId, "Generated Community Safety Partnership", "Generated plan " + planId,
                START, LocalDate.parse("2016-03-31"), Cadence.BI_MONTHLY, START));
        for (int p = 0; p < 4; p++) {
            send(sender, new AddPriority(planId, planId + "-p" + p, "Priority " + p, List.of("Lead " + p), START, null));
            for (int o = 0; o < 2; o++) {
                send(sender, new AddObjective(planId, objectiveId(planId, p * 2 + o), planId + "-p" + p,
                        "Objective " + (p * 2 + o), List.of("Fewer victims"), START, null));
            }
        }
        for (int a = 0; a < actions; a++) {
            send(sender, new AddAction(planId, actionId(planId, a), objectiveId(planId, a % 8),
                    "Action " + a + " of " + planId + ": target hardening for repeat victims",
                    List.of("Locks fitted", "Victims visited"), List.of("Repeat victimisation rate"),
                    List.of("£10,000 PCC grant"),
                    List.of(new Lead("Community Safety Officer " + a, "Kettering Borough Council", "lead" + (1 + a % 2))),
                    List.of("Police", "Fire and Rescue"), START, LocalDate.parse("2016-03-31"), List.of("Funding ends"),
                    START, null));
        }
    }

    private static String objectiveId(String planId, int objective) {
        return planId + "-o" + objective;
    }

    /** The whole three-year plan through the command gateway; returns the number of commands sent. */
    static int threeYearPlan(CommandSender sender, String planId, int threads) throws Exception {
        structure(sender, planId, ACTIONS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int a = 0; a < ACTIONS; a++) {
                int action = a;
                sent.add(pool.submit(() -> deliveryWork(sender, planId, action)));
            }
            int commands = 9 + ACTIONS + 1;
            for (Future<Integer> future : sent) {
                commands += future.get();
            }
            send(sender, new RecordBoardMeeting(planId, planId + "-m1", LocalDate.parse("2014-03-20"), "Annual review", null));
            return commands;
        } finally {
            pool.shutdown();
        }
    }

    private static int deliveryWork(CommandSender sender, String planId, int a) {
        String actionId = actionId(planId, a);
        int commands = 0;
        RagStatus[] colours = {RagStatus.GREEN, RagStatus.AMBER, RagStatus.RED};
        for (int n = 0; n < NOTES; n++) {
            YearMonth month = YearMonth.of(2013, 4).plusMonths(2L * n);
            send(sender, new RecordProgress(actionId, actionId + "-n" + n, month.toString(),
                    "Progress note " + n + " for action " + a + ": bid submitted, partners met, £1,200 spent on locks; "
                            + "17 households visited and 9 target-hardened this period.", null));
            commands++;
            if (n % 3 == 2) {
                RagStatus rag = colours[(a + n) % 3];
                send(sender, new AssessRag(actionId, rag, rag == RagStatus.GREEN ? null : "Behind profile at review " + n,
                        month.atDay(1), null));
                commands++;
            }
        }
        for (int r = 0; r < REFERRALS; r++) {
            String referralId = actionId + "-r" + r;
            LocalDate received = LocalDate.parse("2013-05-01").plusMonths(5L * r);
            send(sender, new RecordReferral(actionId, referralId, received, "Police", "SUBJ-" + a + "-" + r,
                    "Repeat victim of burglary", null));
            send(sender, new AcceptReferral(referralId, received.plusDays(3), null));
            send(sender, new CloseReferral(referralId, "Locks and lighting fitted", 18_500, received.plusDays(30), null));
            commands += 3;
        }
        send(sender, new AllocateFunding(actionId, actionId + "-f1", 1_770_000, "Police and Crime Commissioner",
                new FinancialYear(2013), LocalDate.parse("2013-06-01"), null));
        send(sender, new RecordSpend(actionId, actionId + "-s1", 420_000, "Locks", new FinancialYear(2013),
                LocalDate.parse("2013-10-01"), null));
        send(sender, new RecordSpend(actionId, actionId + "-s2", 380_000, "Lighting", new FinancialYear(2014),
                LocalDate.parse("2014-10-01"), null));
        send(sender, new TallyReferrals(actionId, actionId + "-t1", LocalDate.parse("2012-04-01"),
                LocalDate.parse("2013-03-31"), 65, 1_094_300L, "65 referrals April 2012 - March 2013", null, null));
        send(sender, new IdentifyRisk(actionId, actionId + "-k1", "Funding ends before the work is done", 3, 4,
                "CSP manager", "Bid to the PCC for 2014/15", LocalDate.parse("2013-05-01"), null));
        return commands + 5;
    }

    static void send(CommandSender sender, Object command) {
        sender.sendAndWait(command, ORIGIN);
    }

    record Row(String aggregateIdentifier, long sequenceNumber, String type, byte[] metaData, byte[] payload,
               String payloadRevision, String payloadType, String timeStamp) {
    }

    /** Every row of the template plan's streams, in global order. */
    static List<Row> rowsOf(DataSource dataSource, String templatePlanId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select aggregateIdentifier, sequenceNumber, type, metaData, payload, payloadRevision, payloadType, timeStamp "
                             + "from domain_event_entry where aggregateIdentifier = ? or aggregateIdentifier like ? order by globalIndex")) {
            select.setString(1, templatePlanId);
            select.setString(2, templatePlanId + "-%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getLong(2), result.getString(3), result.getBytes(4),
                            result.getBytes(5), result.getString(6), result.getString(7), result.getString(8)));
                }
            }
        }
        return rows;
    }

    /**
     * Copies the template's rows once per copy, renaming the template's id prefix; batches of 1,000 rows
     * per commit, each with its {@code ledger_chain} rows in the same transaction, so the copies verify
     * as intact rather than as forged rows. The hashes are the ledger's own ({@link LedgerHash#eventHash}
     * over the stored values, chained per stream from genesis), but worked out here from the rows just
     * written instead of through {@link org.planledger.infra.ledger.LedgerChain#chainAppended}, which
     * looks every event up again and each stream's latest chain row: fine for an append of a few
     * events, 400-600 rows a second for a 300,000-row copy. Every copied stream is new and the template's
     * streams are complete from sequence 0, so each stream's previous hash is the one kept in memory.
     */
    static long copies(DataSource dataSource, List<Row> template, String templatePlanId, List<String> copyPlanIds)
            throws SQLException {
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                            + "payload, payloadRevision, payloadType, timeStamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement chain = connection.prepareStatement("insert into ledger_chain (global_index, "
                         + "aggregate_identifier, sequence_number, event_identifier, hash, previous_hash) values (?, ?, ?, ?, ?, ?)");
                 PreparedStatement positions = connection.prepareStatement(
                         "select globalIndex, eventIdentifier from domain_event_entry where globalIndex > ? order by globalIndex")) {
                Map<String, byte[]> heads = new HashMap<>();
                List<StoredEvent> batch = new ArrayList<>();
                for (String copy : copyPlanIds) {
                    for (Row row : template) {
                        StoredEvent event = new StoredEvent(0, UUID.randomUUID().toString(), row.type(),
                                row.aggregateIdentifier().replace(templatePlanId, copy), row.sequenceNumber(),
                                row.payloadType(), row.payloadRevision(), row.timeStamp(),
                                rename(row.payload(), templatePlanId, copy), rename(row.metaData(), templatePlanId, copy));
                        insert.setString(1, event.aggregateIdentifier());
                        insert.setLong(2, event.sequenceNumber());
                        insert.setString(3, event.type());
                        insert.setString(4, event.eventIdentifier());
                        insert.setBytes(5, event.metaData());
                        insert.setBytes(6, event.payload());
                        insert.setString(7, event.payloadRevision());
                        insert.setString(8, event.payloadType());
                        insert.setString(9, event.timeStamp());
                        insert.addBatch();
                        batch.add(event);
                        written++;
                        if (batch.size() == 1_000) {
                            commitBatch(connection, insert, chain, positions, batch, heads);
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    commitBatch(connection, insert, chain, positions, batch, heads);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return written;
    }

    /** Inserts the batch's events, then their chain rows (global indexes read back by a range scan), and commits. */
    private static void commitBatch(Connection connection, PreparedStatement insert, PreparedStatement chain,
                                    PreparedStatement positions, List<StoredEvent> batch, Map<String, byte[]> heads)
            throws SQLException {
        long before;
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("select coalesce(max(globalIndex), 0) from domain_event_entry")) {
            max.next();
            before = max.getLong(1);
        }
        insert.executeBatch();
        Map<String, Long> globalIndexes = new HashMap<>();
        positions.setLong(1, before);
        try (ResultSet rows = positions.executeQuery()) {
            while (rows.next()) {
                globalIndexes.put(rows.getString(2), rows.getLong(1));
            }
        }
        for (StoredEvent event : batch) {
            byte[] previous = event.sequenceNumber() == 0 ? LedgerHash.GENESIS : heads.get(event.aggregateIdentifier());
            Long globalIndex = globalIndexes.get(event.eventIdentifier());
            if (previous == null || globalIndex == null) {
                throw new IllegalStateException("bench copy: cannot chain " + event.aggregateIdentifier() + "#"
                        + event.sequenceNumber() + (previous == null ? " (its stream's previous event was not copied first)"
                        : " (not found after insert)"));
            }
            byte[] hash = LedgerHash.eventHash(event, previous);
            chain.setLong(1, globalIndex);
            chain.setString(2, event.aggregateIdentifier());
            chain.setLong(3, event.sequenceNumber());
            chain.setString(4, event.eventIdentifier());
            chain.setString(5, LedgerHash.hex(hash));
            chain.setString(6, LedgerHash.hex(previous));
            chain.addBatch();
            heads.put(event.aggregateIdentifier(), hash);
        }
        chain.executeBatch();
        connection.commit();
        batch.clear();
    }

    private static byte[] rename(byte[] json, String from, String to) {
        return json == null ? null
                : new String(json, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
