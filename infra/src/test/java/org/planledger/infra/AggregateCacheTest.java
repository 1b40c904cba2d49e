package org.planledger.infra;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.AddAction;
import org.planledger.command.api.AddObjective;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.DraftPlan;
import org.planledger.command.api.RecordProgress;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.ActionCompleted;
import org.planledger.events.ActionRegistered;
import org.planledger.events.AuditMetadata;
import org.planledger.events.Cadence;
import org.planledger.events.Lead;
import org.planledger.events.ProgressRecorded;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate cache ({@code CachingAggregateRepository}) may make commands cheaper, never wrong:
 * an append made behind its back (another process on the same store, simulated here by publishing
 * straight to the event store) is seen by the next command, and a command that rolls back leaves
 * nothing of what its handler did in the cached aggregate.
 */
class AggregateCacheTest {

    private static final String PLAN = "cache-plan";
    private static final CommandOrigin MANAGER = CommandOrigin.of("manager-1", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;
    static CommandSender sender;
    static EventStore eventStore;

    @BeforeAll
    static void start() {
        app = EmbeddedApplication.start(dataDir);
        sender = app.getBean(CommandSender.class);
        eventStore = app.getBean(EventStore.class);
        sender.sendAndWait(new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership", "Community Safety Plan",
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), Cadence.QUARTERLY, null), MANAGER);
        sender.sendAndWait(new AddPriority(PLAN, "asb", "Anti-social behaviour", List.of("Police"), null, null), MANAGER);
        sender.sendAndWait(new AddObjective(PLAN, "asb-1", "asb", "Reduce anti-social behaviour", List.of(), null, null), MANAGER);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCommandSeesWhatWasAppendedBehindTheCachesBack() {
        String action = "cached-action";
        addAction(action);
        sender.sendAndWait(new RecordProgress(action, "n1", "2014-05", "first note", null), MANAGER); // cached at version 1

        // another writer appends note n2 (version 2)
        appendBehindTheCache(action, 2, new ProgressRecorded(PLAN, action, "n2", "2014-06", "written elsewhere",
                LocalDate.of(2014, 6, 1)));
        // a client that has seen version 2 may write on top of it; a stale cache would append a second version 2
        sender.sendAndWait(new RecordProgress(action, "n3", "2014-07", "third note", 2L), MANAGER);
        // a client that has only seen version 1 is refused, although the cache once held version 1
        assertThatThrownBy(() -> sender.sendAndWait(new RecordProgress(action, "n4", "2014-08", "stale", 2L), MANAGER))
                .satisfies(failure -> assertThat(causes(failure)).anyMatch(ConflictingAggregateVersionException.class::isInstance));
        // the repeat of n2 is recognised: the cache knows the note it never saw being written
        sender.sendAndWait(new RecordProgress(action, "n2", "2014-06", "written elsewhere", null), MANAGER);

        // another writer completes the action: the next note is refused by the rule, not by a duplicate key
        appendBehindTheCache(action, 4, new ActionCompleted(PLAN, action, "done", "completed elsewhere",
                LocalDate.of(2014, 9, 1)));
        assertThatThrownBy(() -> sender.sendAndWait(new RecordProgress(action, "n5", "2014-10", "too late", null), MANAGER))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        rejected -> assertThat(rejected.code()).isEqualTo(RejectionCode.ACTION_NOT_OPEN));

        assertThat(eventStore.readEvents(action).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void aCommandThatRollsBackLeavesNothingInTheCachedAggregate() {
        addAction("first-action"); // the plan is cached
        // An action whose id is already a plan's stream: the plan records the registration in memory,
        // then the store refuses the action's first event and the unit of work rolls back.
        String otherPlan = "cache-plan-2";
        sender.sendAndWait(new DraftPlan(otherPlan, "Kettering Borough Community Safety Partnership", "Another plan",
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), Cadence.QUARTERLY, null), MANAGER);
        for (int attempt = 0; attempt < 2; attempt++) {
            // the second attempt must fail the same way: had the failed registration stayed in the cached
            // plan, it would be taken for a repeat of an action already added, and nothing would be refused
            assertThatThrownBy(() -> addAction(otherPlan)).as("attempt %d", attempt).isNotNull();
        }
        assertThat(eventStore.readEvents(PLAN).asStream()
                .filter(event -> event.getPayload() instanceof ActionRegistered registered && registered.actionId().equals(otherPlan)))
                .isEmpty();
        addAction("second-action");
    }

    private static void addAction(String actionId) {
        sender.sendAndWait(new AddAction(PLAN, actionId, "asb-1", "Action " + actionId, List.of(), List.of(), List.of(),
                List.of(new Lead("Jo Smith", "Kettering Borough Council", "lead-7")), List.of(),
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), List.of(), null, null), MANAGER);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static void appendBehindTheCache(String actionId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Action", actionId, sequence, event,
                MetaData.with(AuditMetadata.ACTOR, "elsewhere").and(AuditMetadata.SOURCE, "api")));
    }
}
