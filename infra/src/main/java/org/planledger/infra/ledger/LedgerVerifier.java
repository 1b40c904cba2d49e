package org.planledger.infra.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies the ledger: streams {@code domain_event_entry} and {@code ledger_chain} side by side in
 * global order with plain JDBC cursors (no Axon, no deserialisation), recomputes every event's hash
 * from its stored bytes and its stream's previous hash, checks each chain row names the event at
 * its position, and checks every checkpoint (its heads against the recomputed chain, its root, its
 * counts and, with a key, its signature). {@code tools/verify-ledger.py} does the same from an export;
 * keep the two in step.
 */
public class LedgerVerifier {

    /** What failed; see docs/tamper-evidence.md. */
    public enum Failure {
        CONTENT_CHANGED, LINK_MISSING, ORDER_CHANGED, FORGED, CHECKPOINT_MISMATCH
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Break(Failure failure, Long globalIndex, String aggregateIdentifier, Long sequenceNumber,
                        String eventIdentifier, Long checkpointId, String detail) {
    }

    /** The answer of GET /api/ledger/verify and of the {@code verify} command line. */
    public record Report(boolean verified, long events, long checkpoints, String head, Break firstBreak, long breaks,
                         long streams, Long chainStart) {
    }

    private final DataSource dataSource;
    private final LedgerCheckpoints checkpoints;

    public LedgerVerifier(DataSource dataSource, LedgerCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    /** One position of the ledger: the event there and the chain row there, either possibly missing. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(StoredEvent event, ChainRow chain) throws IOException;
    }

    /** Both tables in global order, merged by global index, through cursors that fetch {@link LedgerJdbc#FETCH_SIZE} rows at a time. */
    static void scan(Connection connection, RowConsumer consumer) throws SQLException, IOException {
        try (PreparedStatement events = connection.prepareStatement(
                "SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry ORDER BY globalIndex");
             PreparedStatement chain = connection.prepareStatement(
                     "SELECT " + ChainRow.COLUMNS + " FROM ledger_chain ORDER BY global_index")) {
            events.setFetchSize(LedgerJdbc.FETCH_SIZE);
            chain.setFetchSize(LedgerJdbc.FETCH_SIZE);
            try (ResultSet eventRows = events.executeQuery(); ResultSet chainRows = chain.executeQuery()) {
                StoredEvent event = eventRows.next() ? StoredEvent.read(eventRows, 1) : null;
                ChainRow link = chainRows.next() ? ChainRow.read(chainRows, 1) : null;
                while (event != null || link != null) {
                    if (link == null || (event != null && event.globalIndex() < link.globalIndex())) {
                        consumer.accept(event, null);
                        event = eventRows.next() ? StoredEvent.read(eventRows, 1) : null;
                    } else if (event == null || link.globalIndex() < event.globalIndex()) {
                        consumer.accept(null, link);
                        link = chainRows.next() ? ChainRow.read(chainRows, 1) : null;
                    } else {
                        consumer.accept(event, link);
                        event = eventRows.next() ? StoredEvent.read(eventRows, 1) : null;
                        link = chainRows.next() ? ChainRow.read(chainRows, 1) : null;
                    }
                }
            }
        }
    }

    public Report verify() {
        try (Connection connection = dataSource.getConnection()) {
            LedgerJdbc.snapshot(connection, true);
            try {
                Long start = new LedgerChain().startPoint(connection);
                List<LedgerCheckpoints.StoredCheckpoint> stored = LedgerCheckpoints.all(connection);
                Pass pass = new Pass(start, stored, checkpoints.signer().map(LedgerSigner::publicKey));
                scan(connection, pass::accept);
                return pass.finish();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verification itself, one row at a time; also used on rows that did not come from a database. */
    static final class Pass {

        private static final class Stream {
            long sequence;
            byte[] hash;
        }

        private record Expected(long checkpointId, String hash) {
        }

        private final Long start;
        private final List<LedgerCheckpoints.StoredCheckpoint> stored;
        private final Optional<PublicKey> publicKey;
        private final Map<String, Stream> streams = new HashMap<>();
        private final Map<String, List<Expected>> expectedHeads = new HashMap<>();
        private final List<Break> breaks = new ArrayList<>();
        private long events;

        Pass(Long start, List<LedgerCheckpoints.StoredCheckpoint> stored, Optional<PublicKey> publicKey) {
            this.start = start;
            this.stored = stored;
            this.publicKey = publicKey;
            for (LedgerCheckpoints.StoredCheckpoint checkpoint : stored) {
                for (LedgerCheckpoints.StoredHead head : checkpoint.heads()) {
                    expectedHeads.computeIfAbsent(key(head.aggregateIdentifier(), head.sequenceNumber()), k -> new ArrayList<>())
                            .add(new Expected(checkpoint.checkpoint().id(), head.hash()));
                }
            }
        }

        private static String key(String aggregate, long sequence) {
            return aggregate + '\u0000' + sequence;
        }

        void accept(StoredEvent event, ChainRow chain) {
            if (event == null) {
                fail(Failure.LINK_MISSING, chain.globalIndex(), chain.aggregateIdentifier(), chain.sequenceNumber(),
                        chain.eventIdentifier(), null, "no event at this global position, but a chain row names event "
                                + chain.eventIdentifier() + " here (the event row was deleted)");
                Stream stream = streams.computeIfAbsent(chain.aggregateIdentifier(), k -> new Stream());
                stream.sequence = chain.sequenceNumber();
                stream.hash = LedgerHash.unhex(chain.hash());
                checkHead(chain.aggregateIdentifier(), chain.sequenceNumber(), chain.hash(), chain.globalIndex(),
                        chain.eventIdentifier());
                return;
            }
            events++;
            Stream stream = streams.get(event.aggregateIdentifier());
            long expectedSequence = stream == null ? 0 : stream.sequence + 1;
            byte[] previous = stream == null ? LedgerHash.GENESIS : stream.hash;
            byte[] computed = LedgerHash.eventHash(event, previous);
            boolean sameEvent = chain != null && chain.eventIdentifier().equals(event.eventIdentifier())
                    && chain.aggregateIdentifier().equals(event.aggregateIdentifier())
                    && chain.sequenceNumber() == event.sequenceNumber();
            if (chain == null) {
                if (start == null || event.globalIndex() > start) {
                    fail(Failure.FORGED, event, "the event has no chain row: it was stored after the chain's start point"
                            + (start == null ? "" : " (global index " + start + ")") + " without passing through the ledger");
                } else {
                    fail(Failure.LINK_MISSING, event, "the event has no chain row (it is before the chain's start point, "
                            + "where the back-fill gave every event one: the chain row was deleted)");
                }
            } else if (!sameEvent) {
                fail(Failure.ORDER_CHANGED, event, "the chain row at this global position names event "
                        + chain.eventIdentifier() + " (" + chain.aggregateIdentifier() + " #" + chain.sequenceNumber()
                        + "), but the table holds event " + event.eventIdentifier() + " here");
            } else if (event.sequenceNumber() < expectedSequence) {
                fail(Failure.ORDER_CHANGED, event, "sequence " + event.sequenceNumber() + " comes after sequence "
                        + (expectedSequence - 1) + " of the same stream");
            } else if (event.sequenceNumber() > expectedSequence) {
                fail(Failure.LINK_MISSING, event, "the stream's events " + expectedSequence + " to "
                        + (event.sequenceNumber() - 1) + " are missing before this one");
            } else if (!chain.previousHash().equals(LedgerHash.hex(previous))) {
                fail(Failure.LINK_MISSING, event, "the chain row's previous hash " + chain.previousHash()
                        + " is not the hash of the stream's previous event (" + LedgerHash.hex(previous) + ")");
            } else if (!chain.hash().equals(LedgerHash.hex(computed))) {
                fail(Failure.CONTENT_CHANGED, event, "the stored event hashes to " + LedgerHash.hex(computed)
                        + ", its chain row says " + chain.hash() + ": its stored bytes were changed");
            }
            if (stream == null) {
                stream = new Stream();
                streams.put(event.aggregateIdentifier(), stream);
            }
            stream.sequence = event.sequenceNumber();
            stream.hash = sameEvent ? LedgerHash.unhex(chain.hash()) : computed;
            checkHead(event.aggregateIdentifier(), event.sequenceNumber(), LedgerHash.hex(stream.hash), event.globalIndex(),
                    event.eventIdentifier());
        }

        private void checkHead(String aggregate, long sequence, String hash, long globalIndex, String eventIdentifier) {
            List<Expected> expected = expectedHeads.remove(key(aggregate, sequence));
            if (expected == null) {
                return;
            }
            for (Expected head : expected) {
                if (!head.hash().equals(hash)) {
                    fail(Failure.CHECKPOINT_MISMATCH, globalIndex, aggregate, sequence, eventIdentifier, head.checkpointId(),
                            "checkpoint " + head.checkpointId() + " recorded this event as its stream's head with hash "
                                    + head.hash() + "; the chain now gives " + hash + " (history before it was rewritten)");
                }
            }
        }

        private void fail(Failure failure, StoredEvent event, String detail) {
            fail(failure, event.globalIndex(), event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(),
                    null, detail);
        }

        private void fail(Failure failure, Long globalIndex, String aggregate, Long sequence, String eventIdentifier,
                          Long checkpointId, String detail) {
            breaks.add(new Break(failure, globalIndex, aggregate, sequence, eventIdentifier, checkpointId, detail));
        }

        Report finish() {
            expectedHeads.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                String[] parts = entry.getKey().split("\u0000");
                for (Expected head : entry.getValue()) {
                    fail(Failure.CHECKPOINT_MISMATCH, null, parts[0], Long.parseLong(parts[1]), null, head.checkpointId(),
                            "checkpoint " + head.checkpointId() + " recorded this stream's head at sequence " + parts[1]
                                    + ", which the ledger no longer holds (events were deleted)");
                }
            });
            for (LedgerCheckpoints.StoredCheckpoint stored : stored) {
                LedgerCheckpoints.Checkpoint checkpoint = stored.checkpoint();
                List<LedgerHash.Head> heads = stored.heads().stream().map(head -> new LedgerHash.Head(
                        head.aggregateIdentifier(), head.sequenceNumber(), LedgerHash.unhex(head.hash()))).toList();
                String root = LedgerHash.hex(LedgerHash.merkleRoot(heads));
                long count = heads.stream().mapToLong(head -> head.sequenceNumber() + 1).sum();
                String problem = null;
                if (!root.equals(checkpoint.root())) {
                    problem = "its stored heads give the root " + root + ", it says " + checkpoint.root();
                } else if (count != checkpoint.events() || heads.size() != checkpoint.streams()) {
                    problem = "its heads cover " + count + " events in " + heads.size() + " streams, it says "
                            + checkpoint.events() + " in " + checkpoint.streams();
                } else if (checkpoint.signature() != null && publicKey.isPresent() && !LedgerSigner.verify(publicKey.get(),
                        LedgerHash.checkpointMessage(checkpoint.at(), checkpoint.root(), checkpoint.events(),
                                checkpoint.streams(), checkpoint.reason()), checkpoint.signature())) {
                    problem = "its signature does not verify with the configured public key";
                }
                if (problem != null) {
                    fail(Failure.CHECKPOINT_MISMATCH, null, null, null, null, checkpoint.id(),
                            "checkpoint " + checkpoint.id() + " (" + checkpoint.at() + "): " + problem);
                }
            }
            List<LedgerHash.Head> heads = new ArrayList<>(streams.size());
            streams.forEach((aggregate, stream) -> heads.add(new LedgerHash.Head(aggregate, stream.sequence, stream.hash)));
            String head = LedgerHash.hex(LedgerHash.merkleRoot(heads));
            return new Report(breaks.isEmpty(), events, stored.size(), head, breaks.isEmpty() ? null : breaks.get(0),
                    breaks.size(), streams.size(), start);
        }
    }
}
