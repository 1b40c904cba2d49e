package org.planledger.infra.ledger;

import org.planledger.events.BoardMeetingRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints: a digest of the whole ledger at an instant, the Merkle root over every stream's head
 * ({@link LedgerHash#merkleRoot}), with the number of events the heads commit to and the number of
 * streams, stored in {@code ledger_checkpoint} with the heads themselves in
 * {@code ledger_checkpoint_head}, optionally signed. Recorded on demand, daily and after each
 * board meeting.
 */
public class LedgerCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpoints.class);
    static final int MAX_REASON = 1000;

    private final DataSource dataSource;
    private final Optional<LedgerSigner> signer;

    public LedgerCheckpoints(DataSource dataSource, Optional<LedgerSigner> signer) {
        this.dataSource = dataSource;
        this.signer = signer;
    }

    public record Checkpoint(long id, String at, String root, long events, long streams, String reason, String signature) {
    }

    /** Records a checkpoint of the committed ledger as it stands now. */
    public Checkpoint record(String reason) {
        String why = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        try (Connection connection = dataSource.getConnection()) {
            LedgerJdbc.snapshot(connection, false);
            try {
                List<LedgerHash.Head> heads = currentHeads(connection);
                String root = LedgerHash.hex(LedgerHash.merkleRoot(heads));
                long events = heads.stream().mapToLong(head -> head.sequenceNumber() + 1).sum();
                String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
                String signature = signer.map(s -> s.sign(LedgerHash.checkpointMessage(at, root, events, heads.size(), why)))
                        .orElse(null);
                long id;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_checkpoint "
                        + "(at, root, events, streams, reason, signature) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                    insert.setString(1, at);
                    insert.setString(2, root);
                    insert.setLong(3, events);
                    insert.setLong(4, heads.size());
                    insert.setString(5, why);
                    insert.setString(6, signature);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_checkpoint_head "
                        + "(checkpoint_id, aggregate_identifier, sequence_number, hash) VALUES (?, ?, ?, ?)")) {
                    int pending = 0;
                    for (LedgerHash.Head head : heads) {
                        insert.setLong(1, id);
                        insert.setString(2, head.aggregateIdentifier());
                        insert.setLong(3, head.sequenceNumber());
                        insert.setString(4, LedgerHash.hex(head.hash()));
                        insert.addBatch();
                        if (++pending == 500) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
                Checkpoint checkpoint = new Checkpoint(id, at, root, events, heads.size(), why, signature);
                log.info("Ledger checkpoint {} ({}): root {} over {} events in {} streams{}", id, why, root, events,
                        heads.size(), signature == null ? "" : ", signed");
                return checkpoint;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a ledger checkpoint: " + e.getMessage(), e);
        }
    }

    /** Called after a board meeting's transaction has committed; a failure is logged, never thrown at the command. */
    public void afterBoardMeeting(BoardMeetingRecorded meeting) {
        try {
            record("board meeting " + meeting.meetingId() + " of plan " + meeting.planId() + " held on " + meeting.heldOn()
                    + (meeting.title() == null ? "" : ": " + meeting.title()));
        } catch (RuntimeException e) {
            log.error("Ledger: no checkpoint after board meeting {} of plan {}: {}", meeting.meetingId(), meeting.planId(),
                    e.getMessage(), e);
        }
    }

    /**
     * Every stream's latest chain row: one pass over {@code ledger_chain} in (aggregate, sequence)
     * order, the order of its unique key, keeping each stream's last row (faster on H2 than a
     * GROUP BY joined back to the table).
     */
    static List<LedgerHash.Head> currentHeads(Connection connection) throws SQLException {
        List<LedgerHash.Head> heads = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(LedgerJdbc.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, sequence_number, hash "
                    + "FROM ledger_chain ORDER BY aggregate_identifier, sequence_number")) {
                String stream = null;
                long sequence = 0;
                String hash = null;
                while (rows.next()) {
                    String aggregate = rows.getString(1);
                    if (stream != null && !stream.equals(aggregate)) {
                        heads.add(new LedgerHash.Head(stream, sequence, LedgerHash.unhex(hash)));
                    }
                    stream = aggregate;
                    sequence = rows.getLong(2);
                    hash = rows.getString(3);
                }
                if (stream != null) {
                    heads.add(new LedgerHash.Head(stream, sequence, LedgerHash.unhex(hash)));
                }
            }
        }
        heads.sort(LedgerHash.HEAD_ORDER);
        return heads;
    }

    /** The latest recorded checkpoint, if any (for the pages and board packs that print its digest). */
    public Optional<Checkpoint> latest() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, at, root, events, streams, reason, signature "
                     + "FROM ledger_checkpoint ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            return rows.next() ? Optional.of(new Checkpoint(rows.getLong(1), rows.getString(2), rows.getString(3),
                    rows.getLong(4), rows.getLong(5), rows.getString(6), rows.getString(7))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the latest ledger checkpoint: " + e.getMessage(), e);
        }
    }

    /** A stored checkpoint with the heads it recorded (hashes as stored, hex). */
    public record StoredCheckpoint(Checkpoint checkpoint, List<StoredHead> heads) {
    }

    public record StoredHead(String aggregateIdentifier, long sequenceNumber, String hash) {
    }

    /** Every checkpoint in id order, with its heads. */
    static List<StoredCheckpoint> all(Connection connection) throws SQLException {
        Map<Long, Checkpoint> checkpoints = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, at, root, events, streams, reason, signature FROM ledger_checkpoint ORDER BY id")) {
            while (rows.next()) {
                checkpoints.put(rows.getLong(1), new Checkpoint(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getLong(4), rows.getLong(5), rows.getString(6), rows.getString(7)));
            }
        }
        Map<Long, List<StoredHead>> heads = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(LedgerJdbc.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery("SELECT checkpoint_id, aggregate_identifier, sequence_number, hash "
                    + "FROM ledger_checkpoint_head ORDER BY checkpoint_id, aggregate_identifier")) {
                while (rows.next()) {
                    heads.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(new StoredHead(rows.getString(2), rows.getLong(3), rows.getString(4)));
                }
            }
        }
        List<StoredCheckpoint> result = new ArrayList<>();
        checkpoints.forEach((id, checkpoint) -> result.add(new StoredCheckpoint(checkpoint, heads.getOrDefault(id, List.of()))));
        return result;
    }

    public Optional<LedgerSigner> signer() {
        return signer;
    }
}
