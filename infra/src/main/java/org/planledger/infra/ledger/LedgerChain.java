package org.planledger.infra.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code ledger_chain}: one row per event, each event's hash chained to the previous event
 * of its own aggregate stream. Every method works on the connection it is given, in that
 * connection's transaction: the append hook ({@link ChainingJdbcEventStorageEngine}) passes the
 * connection that has just inserted the events, so an event and its chain row commit or roll back
 * together.
 */
public class LedgerChain {

    private static final Logger log = LoggerFactory.getLogger(LedgerChain.class);

    static final String INSERT = "INSERT INTO ledger_chain (" + ChainRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final int IN_CHUNK = 200;

    /** The start point once known (it never changes after it is written). */
    private volatile Long knownStart;

    /** Chains the events with these identifiers, appended in the connection's open transaction. */
    public void chainAppended(Connection connection, Collection<String> eventIdentifiers) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(eventIdentifiers.size());
        List<String> ids = new ArrayList<>(eventIdentifiers);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM domain_event_entry WHERE eventIdentifier IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(StoredEvent.read(rows, 1));
                    }
                }
            }
        }
        if (events.size() != ids.size()) {
            throw new IllegalStateException("ledger: " + ids.size() + " events appended but " + events.size()
                    + " found in domain_event_entry in the same transaction");
        }
        events.sort(Comparator.comparing(StoredEvent::aggregateIdentifier).thenComparingLong(StoredEvent::sequenceNumber));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            chain(connection, events, insert, true);
            insert.executeBatch();
        }
    }

    /**
     * Adds the chain rows of {@code events} (sorted by aggregate, then sequence) to the insert batch.
     * With {@code backfillLegacy}, a stream whose earlier events were stored before the chain existed
     * is chained first (never events after the start point: those are forgeries, left unchained).
     */
    private void chain(Connection connection, List<StoredEvent> events, PreparedStatement insert, boolean backfillLegacy)
            throws SQLException {
        String stream = null;
        long lastSequence = -1;
        byte[] lastHash = null;
        for (StoredEvent event : events) {
            byte[] previous;
            if (event.aggregateIdentifier().equals(stream) && event.sequenceNumber() == lastSequence + 1) {
                previous = lastHash;
            } else {
                previous = previousHash(connection, event.aggregateIdentifier(), event.sequenceNumber(), backfillLegacy);
            }
            byte[] hash = LedgerHash.eventHash(event, previous);
            insert.setLong(1, event.globalIndex());
            insert.setString(2, event.aggregateIdentifier());
            insert.setLong(3, event.sequenceNumber());
            insert.setString(4, event.eventIdentifier());
            insert.setString(5, LedgerHash.hex(hash));
            insert.setString(6, LedgerHash.hex(previous));
            insert.addBatch();
            stream = event.aggregateIdentifier();
            lastSequence = event.sequenceNumber();
            lastHash = hash;
        }
    }

    private record Link(long sequenceNumber, byte[] hash) {
    }

    /** The hash the event at {@code sequence} links to: the stream's latest chain row before it, or genesis. */
    private byte[] previousHash(Connection connection, String aggregate, long sequence, boolean backfillLegacy)
            throws SQLException {
        if (sequence == 0) {
            return LedgerHash.GENESIS;
        }
        // The usual case: the stream's previous event is chained. One lookup by the unique
        // (aggregate, sequence) key; "the latest row below" with ORDER BY ... DESC LIMIT 1 made H2
        // read every chain row of the stream, so a command's cost grew with its stream's length.
        byte[] previous = hashAt(connection, aggregate, sequence - 1);
        if (previous != null) {
            return previous;
        }
        Optional<Link> latest = latestBelow(connection, aggregate, sequence);
        if (backfillLegacy && (latest.isEmpty() || latest.get().sequenceNumber() < sequence - 1)) {
            if (backfillStream(connection, aggregate, sequence) > 0) {
                latest = latestBelow(connection, aggregate, sequence);
            }
        }
        return latest.map(Link::hash).orElse(LedgerHash.GENESIS);
    }

    private static byte[] hashAt(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hash FROM ledger_chain WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, aggregate);
            select.setLong(2, sequence);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? LedgerHash.unhex(rows.getString(1)) : null;
            }
        }
    }

    private Optional<Link> latestBelow(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence_number, hash FROM ledger_chain "
                + "WHERE aggregate_identifier = ? AND sequence_number < ? ORDER BY sequence_number DESC LIMIT 1")) {
            select.setString(1, aggregate);
            select.setLong(2, sequence);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Link(rows.getLong(1), LedgerHash.unhex(rows.getString(2))))
                        : Optional.empty();
            }
        }
    }

    /**
     * Chains the stream's unchained events before {@code beforeSequence} that were stored before the
     * chain existed: at or below the start point, or any while no start point is recorded yet (an
     * append racing the start-up back-fill). Returns how many it chained.
     */
    private int backfillStream(Connection connection, String aggregate, long beforeSequence) throws SQLException {
        Long start = startPoint(connection);
        List<StoredEvent> legacy = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.columns("e")
                + " FROM domain_event_entry e WHERE e.aggregateIdentifier = ? AND e.sequenceNumber < ?"
                + (start == null ? "" : " AND e.globalIndex <= " + start)
                + " AND NOT EXISTS (SELECT 1 FROM ledger_chain c WHERE c.event_identifier = e.eventIdentifier)"
                + " ORDER BY e.sequenceNumber")) {
            select.setString(1, aggregate);
            select.setLong(2, beforeSequence);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    legacy.add(StoredEvent.read(rows, 1));
                }
            }
        }
        if (legacy.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            chain(connection, legacy, insert, false);
            insert.executeBatch();
        }
        log.info("Ledger: chained {} earlier events of stream {} stored before the chain existed", legacy.size(), aggregate);
        return legacy.size();
    }

    /** The highest global index chained by the start-up back-fill, or null before the chain has started. */
    public Long startPoint(Connection connection) throws SQLException {
        Long known = knownStart;
        if (known != null) {
            return known;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT through_global_index FROM ledger_chain_start WHERE id = 1")) {
            if (rows.next()) {
                knownStart = rows.getLong(1);
                return knownStart;
            }
            return null;
        }
    }

    /** Forgets the cached start point (tests that remove it to stand for a store from before the ledger). */
    void forgetStartPoint() {
        knownStart = null;
    }

    /** What the start-up back-fill did. */
    public record Backfill(boolean started, long through, long events, long streams, long unchainedAfterStart) {
    }

    /**
     * Starts the chain if it has not started: chains, stream by stream, every event stored before
     * (global index up to the current highest), and records that point. Commits on the connection.
     * When the chain has already started, counts events after the start point without a chain row
     * (forgeries, or events written by a process without the ledger) and chains nothing.
     */
    public Backfill startOrCheck(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Long start = startPoint(connection);
            if (start != null) {
                long unchained;
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry e WHERE e.globalIndex > "
                             + start + " AND NOT EXISTS (SELECT 1 FROM ledger_chain c WHERE c.event_identifier = e.eventIdentifier)")) {
                    rows.next();
                    unchained = rows.getLong(1);
                }
                connection.commit();
                return new Backfill(false, start, 0, 0, unchained);
            }
            long through;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(globalIndex), 0) FROM domain_event_entry")) {
                rows.next();
                through = rows.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_chain_start "
                    + "(id, started_at, through_global_index, backfilled_events) VALUES (1, ?, ?, 0)")) {
                insert.setString(1, Instant.now().toString());
                insert.setLong(2, through);
                insert.executeUpdate();
            }
            long events = 0;
            long streams = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.columns("e")
                    + " FROM domain_event_entry e WHERE e.globalIndex <= ?"
                    + " AND NOT EXISTS (SELECT 1 FROM ledger_chain c WHERE c.event_identifier = e.eventIdentifier)"
                    + " ORDER BY e.aggregateIdentifier, e.sequenceNumber");
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                select.setFetchSize(500);
                select.setLong(1, through);
                List<StoredEvent> stream = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredEvent event = StoredEvent.read(rows, 1);
                        if (!stream.isEmpty() && !stream.get(0).aggregateIdentifier().equals(event.aggregateIdentifier())) {
                            chain(connection, stream, insert, false);
                            insert.executeBatch();
                            streams++;
                            events += stream.size();
                            stream.clear();
                        }
                        stream.add(event);
                    }
                }
                if (!stream.isEmpty()) {
                    chain(connection, stream, insert, false);
                    insert.executeBatch();
                    streams++;
                    events += stream.size();
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ledger_chain_start SET backfilled_events = ? WHERE id = 1")) {
                update.setLong(1, events);
                update.executeUpdate();
            }
            connection.commit();
            knownStart = through;
            return new Backfill(true, through, events, streams, 0);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
