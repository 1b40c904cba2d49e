package org.planledger.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.DraftPlan;
import org.planledger.events.AuditMetadata;
import org.planledger.events.Cadence;
import org.planledger.events.PlanDrafted;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processing-group defaults in application.yml, seen through stand-in handlers in two of the
 * groups the query side will use: the processors are pooled streaming ones with the configured
 * segments, they read the JDBC event store, and their tokens are in MongoDB.
 */
class EventProcessingTest {

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        application = EmbeddedApplication.start(dataDir, context -> {
            context.registerBean(JournalStandIn.class, JournalStandIn::new);
            context.registerBean(BoardStandIn.class, BoardStandIn::new);
        });
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void eventsReachTheProcessingGroupsWithTheirAuditMetadata() throws InterruptedException {
        application.getBean(CommandSender.class).sendAndWait(new DraftPlan("corby-2014", "Corby CSP",
                "Community Safety Plan 2014-2017", LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31),
                Cadence.QUARTERLY, null), CommandOrigin.of("manager-2", Set.of("PLAN_MANAGER"), "import"));

        JournalStandIn journal = application.getBean(JournalStandIn.class);
        BoardStandIn board = application.getBean(BoardStandIn.class);
        awaitUntil(() -> !journal.received.isEmpty() && !board.received.isEmpty());

        assertThat(journal.received).singleElement().satisfies(metaData -> assertThat(metaData)
                .containsEntry(AuditMetadata.ACTOR, "manager-2")
                .containsEntry(AuditMetadata.SOURCE, "import"));
    }

    @Test
    void processorsArePooledStreamingWithTheConfiguredSegmentsAndKeepTokensInMongoDb() throws InterruptedException {
        EventProcessingConfiguration processing = application.getBean(EventProcessingConfiguration.class);
        EventProcessor journal = processing.eventProcessor("journal").orElseThrow();
        EventProcessor board = processing.eventProcessor("board").orElseThrow();
        assertThat(journal).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(board).isInstanceOf(PooledStreamingEventProcessor.class);

        TokenStore tokenStore = application.getBean(TokenStore.class);
        // Each processor's coordinator creates its tokens on its own thread shortly after start.
        awaitUntil(() -> tokenStore.fetchSegments("journal").length > 0 && tokenStore.fetchSegments("board").length > 0);
        assertThat(tokenStore.fetchSegments("journal")).containsExactly(0);
        assertThat(tokenStore.fetchSegments("board")).containsExactlyInAnyOrder(0, 1);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 20 s").isTrue();
    }

    @ProcessingGroup("journal")
    static class JournalStandIn {
        final List<MetaData> received = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(PlanDrafted event, MetaData metaData) {
            received.add(metaData);
        }
    }

    @ProcessingGroup("board")
    static class BoardStandIn {
        final List<MetaData> received = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(PlanDrafted event) {
            received.add(MetaData.emptyInstance());
        }
    }
}
