package org.planledger.infra.postgres;

import org.planledger.infra.SlowLane;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.AddAction;
import org.planledger.command.api.AddObjective;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.CompleteAction;
import org.planledger.command.api.RejectionCode;
import org.planledger.command.api.DraftPlan;
import org.planledger.command.api.RecordProgress;
import org.planledger.events.Cadence;
import org.planledger.events.Lead;
import org.planledger.events.ProgressRecorded;
import org.planledger.infra.ReadModels;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.query.api.ActionHistory;
import org.planledger.query.api.FindActionHistory;
import org.planledger.query.api.NoteHistory;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Concurrent writers on PostgreSQL, through two application processes sharing one database: a full
 * one (both halves) and a command-only one ({@code postgres,command} profiles), as two nodes of a
 * deployment would be.
 * <p>
 * Within one process Axon's repository locks an aggregate, so the second of two racing commands
 * loads the first one's event and fails the version check. Across processes nothing is locked:
 * both may load the same version, and then the store's unique (aggregateIdentifier,
 * sequenceNumber) key refuses the second append. Either way exactly one wins.
 */
@SlowLane
class PostgresConcurrencyTest {

    private static final String PLAN = "race-plan";
    private static final String RACED_ACTION = "raced-action";
    private static final int WRITERS = 8;
    /** 30 s as the issue asks; -Dplanledger.test.writers.duration=PT5S for a quick local run. */
    private static final Duration WRITING_TIME = Duration.parse(System.getProperty("planledger.test.writers.duration", "PT30S"));
    private static final CommandOrigin MANAGER = CommandOrigin.of("manager-1", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);

    @TempDir
    static Path fullDataDir;
    @TempDir
    static Path commandDataDir;

    static ScratchDatabase database;
    static ConfigurableApplicationContext full;
    static ConfigurableApplicationContext commandOnly;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        database = ScratchDatabase.create();
        full = PostgresApplication.start(database, fullDataDir);
        commandOnly = PostgresApplication.start("postgres,command", database, commandDataDir);

        CommandSender sender = full.getBean(CommandSender.class);
        sender.sendAndWait(new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership", "Community Safety Plan",
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), Cadence.QUARTERLY, null), MANAGER);
        sender.sendAndWait(new AddPriority(PLAN, "asb", "Anti-social behaviour", List.of("Police"), null, null), MANAGER);
        sender.sendAndWait(new AddObjective(PLAN, "asb-1", "asb", "Reduce anti-social behaviour", List.of(), null, null), MANAGER);
        addAction(sender, RACED_ACTION);
        for (int i = 0; i < WRITERS; i++) {
            addAction(sender, writerAction(i));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (commandOnly != null) {
            commandOnly.close();
        }
        if (full != null) {
            full.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoNodesRacingOnOneVersionExactlyOneWinsAndTheOtherGetsAConflict() throws Exception {
        Map<String, Integer> conflictKinds = race("nodes", 12, full.getBean(CommandSender.class), commandOnly.getBean(CommandSender.class));
        System.out.println("[postgres race, two nodes] conflicts by kind: " + conflictKinds);
    }

    @Test
    void twoWritersInOneNodeRacingOnOneVersionExactlyOneWins() throws Exception {
        CommandSender sender = full.getBean(CommandSender.class);
        Map<String, Integer> conflictKinds = race("threads", 6, sender, sender);
        System.out.println("[postgres race, one node] conflicts by kind: " + conflictKinds);
    }

    /**
     * Each node caches the aggregates it writes (CachingAggregateRepository). Writes alternate
     * between the nodes, each with the version the other node just reached as its expected
     * version: every write must succeed, which it only can if a node brings its cached copy up to
     * date with what the other appended (a stale copy would fail the version check or collide on
     * the sequence number), and the last write must be refused by the rule about completed actions.
     */
    @Test
    void eachNodeSeesWhatTheOtherAppendedSinceItCachedTheAggregate() throws Exception {
        String action = "alternating-action";
        CommandSender[] nodes = {full.getBean(CommandSender.class), commandOnly.getBean(CommandSender.class)};
        addAction(nodes[0], action);
        for (int n = 0; n < 10; n++) {
            long version = lastSequence(action);
            nodes[n % 2].sendAndWait(new RecordProgress(action, "alt-" + n, "2014-06", "node " + n % 2, version), MANAGER);
            assertThat(lastSequence(action)).as("write %d", n).isEqualTo(version + 1);
        }
        nodes[1].sendAndWait(new CompleteAction(action, "alt-done", "done", null, null), MANAGER);
        assertThatThrownBy(() -> nodes[0].sendAndWait(new RecordProgress(action, "alt-late", "2014-07", "late", null), MANAGER))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo(RejectionCode.ACTION_NOT_OPEN));
    }

    /**
     * Eight writers, each appending notes to its own action for 30 seconds, half through each node:
     * every acknowledged command is exactly one event, nothing unacknowledged is stored, and once
     * the projections have caught up each action's history lists exactly the acknowledged notes.
     */
    @Test
    void eightWritersForThirtySecondsLoseNothing() throws Exception {
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        Instant start = Instant.now();
        Instant end = start.plus(WRITING_TIME);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String action = writerAction(i);
            CommandSender sender = (i % 2 == 0 ? full : commandOnly).getBean(CommandSender.class);
            Set<String> notes = ConcurrentHashMap.newKeySet();
            acknowledged.put(action, notes);
            running.add(writers.submit(() -> {
                for (int n = 0; Instant.now().isBefore(end); n++) {
                    String noteId = "note-" + n;
                    try {
                        sender.sendAndWait(new RecordProgress(action, noteId, "2014-05", "Progress report " + n, null), MANAGER);
                        notes.add(noteId);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.out.println("[postgres writers] " + action + " " + noteId + " refused: " + e);
                    }
                }
            }));
        }
        for (Future<?> writer : running) {
            writer.get(WRITING_TIME.toSeconds() + 60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        int total = acknowledged.values().stream().mapToInt(Set::size).sum();

        Instant catchUpStart = Instant.now();
        ReadModels.awaitCaughtUp(full, Duration.ofMinutes(2));
        double catchUpSeconds = Duration.between(catchUpStart, Instant.now()).toMillis() / 1000.0;
        System.out.printf("[postgres writers] %d writers, %.1f s: %d acknowledged commands (%.0f/s), %d refused; "
                        + "projections caught up %.1f s after the last write; per action %s%n",
                WRITERS, seconds, total, total / seconds, failures.get(), catchUpSeconds,
                new TreeMap<>(acknowledged.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()))));

        assertThat(failures.get()).as("commands refused").isZero();
        assertThat(total).as("commands acknowledged").isGreaterThan(WRITERS * 10);
        EventStore eventStore = full.getBean(EventStore.class);
        QueryGateway queries = full.getBean(QueryGateway.class);
        for (Map.Entry<String, Set<String>> entry : acknowledged.entrySet()) {
            String action = entry.getKey();
            List<String> storedNotes = new ArrayList<>();
            eventStore.readEvents(action).asStream()
                    .filter(event -> event.getPayload() instanceof ProgressRecorded)
                    .map(event -> ((ProgressRecorded) event.getPayload()).noteId())
                    .forEach(storedNotes::add);
            assertThat(storedNotes).as(action + ": one event per acknowledged command").hasSameSizeAs(entry.getValue());
            assertThat(new HashSet<>(storedNotes)).as(action).isEqualTo(entry.getValue());
            assertThat(progressRows(action)).as(action + ": rows in PostgreSQL").isEqualTo(entry.getValue().size());

            Optional<ActionHistory> history = queries.query(new FindActionHistory(action),
                    ResponseTypes.optionalInstanceOf(ActionHistory.class)).join();
            assertThat(history).isPresent();
            assertThat(history.get().notes()).extracting(NoteHistory::noteId).as(action + ": notes in the read model")
                    .hasSize(entry.getValue().size())
                    .containsExactlyInAnyOrderElementsOf(entry.getValue());
        }
    }

    /** Rounds of two writers with the same expected version; returns how each conflict showed itself. */
    private static Map<String, Integer> race(String label, int rounds, CommandSender first, CommandSender second) throws Exception {
        Map<String, Integer> conflictKinds = new TreeMap<>();
        ExecutorService pair = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                long version = lastSequence(RACED_ACTION);
                CyclicBarrier together = new CyclicBarrier(2);
                String firstNote = label + "-" + round + "-a";
                String secondNote = label + "-" + round + "-b";
                Future<Throwable> a = pair.submit(() -> attempt(together, first,
                        new RecordProgress(RACED_ACTION, firstNote, "2014-06", "first writer", version)));
                Future<Throwable> b = pair.submit(() -> attempt(together, second,
                        new RecordProgress(RACED_ACTION, secondNote, "2014-06", "second writer", version)));
                Throwable failedA = a.get(30, TimeUnit.SECONDS);
                Throwable failedB = b.get(30, TimeUnit.SECONDS);

                assertThat((failedA == null) ^ (failedB == null))
                        .as("round %d: exactly one succeeds (a failed with %s, b failed with %s)", round, failedA, failedB)
                        .isTrue();
                Throwable conflict = failedA != null ? failedA : failedB;
                String kind = conflictKind(conflict);
                assertThat(kind).as("round %d: the loser gets a conflict, not %s", round, conflict).isNotNull();
                conflictKinds.merge(kind, 1, Integer::sum);
                assertThat(lastSequence(RACED_ACTION)).as("round %d: one event appended", round).isEqualTo(version + 1);
            }
        } finally {
            pair.shutdownNow();
        }
        return conflictKinds;
    }

    private static Throwable attempt(CyclicBarrier together, CommandSender sender, RecordProgress command) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        try {
            sender.sendAndWait(command, MANAGER);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The exception the HTTP layer answers with 409, found anywhere in the cause chain. */
    private static String conflictKind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingAggregateVersionException) {
                return "stale expected version (checked on load)";
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return "duplicate sequence number (refused by the unique key)";
            }
        }
        return null;
    }

    private static long lastSequence(String aggregateId) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT max(sequenceNumber) FROM domain_event_entry WHERE aggregateIdentifier = ?")) {
            query.setString(1, aggregateId);
            ResultSet result = query.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    private static long progressRows(String aggregateId) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE aggregateIdentifier = ? AND payloadType = ?")) {
            query.setString(1, aggregateId);
            query.setString(2, ProgressRecorded.class.getName());
            ResultSet result = query.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }

    private static String writerAction(int i) {
        return "writer-action-" + i;
    }

    private static void addAction(CommandSender sender, String actionId) {
        sender.sendAndWait(new AddAction(PLAN, actionId, "asb-1", "Action " + actionId, List.of(), List.of(), List.of(),
                List.of(new Lead("Jo Smith", "Kettering Borough Council", "lead-7")), List.of(),
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), List.of(), null, null), MANAGER);
    }
}
