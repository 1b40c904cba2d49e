package org.planledger.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.DraftPlan;
import org.planledger.events.Cadence;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.query.QuerySideModel;
import org.planledger.query.api.AuditEntry;
import org.planledger.query.api.AuditFilter;
import org.planledger.query.api.AuditTrailPage;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindAuditTrail;
import org.planledger.query.api.FindBoardView;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From command to read model in the running application: events appended to the JDBC store reach
 * the query side's projections through pooled streaming processors (one segment each, tokens in
 * MongoDB), and the query bus answers from the documents they wrote.
 */
class EventProcessingTest {

    private static final String PLAN = "corby-2014";
    private static final CommandOrigin IMPORTER = new CommandOrigin("importer", Set.of("PLAN_MANAGER"),
            "transcribed from the 2014 plan", CommandOrigin.SOURCE_IMPORT, null);

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        application = EmbeddedApplication.start(dataDir);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void commandsShowOnTheBoardAndInTheAuditTrail() throws InterruptedException {
        CommandSender sender = application.getBean(CommandSender.class);
        sender.sendAndWait(new DraftPlan(PLAN, "Corby Community Safety Partnership", "Community Safety Plan 2014-2017",
                LocalDate.of(2014, 4, 1), LocalDate.of(2017, 3, 31), Cadence.QUARTERLY, null), IMPORTER);
        sender.sendAndWait(new AddPriority(PLAN, "violence", "Violence", List.of("Northamptonshire Police"),
                null, null), IMPORTER);

        QueryGateway queries = application.getBean(QueryGateway.class);
        BoardView board = awaitPresent(() -> queries.query(new FindBoardView(PLAN),
                        ResponseTypes.optionalInstanceOf(BoardView.class)).join()
                .filter(view -> view.priorities().size() == 1));
        assertThat(board.title()).isEqualTo("Community Safety Plan 2014-2017");
        assertThat(board.periodStart()).isEqualTo(LocalDate.of(2014, 4, 1));

        AuditTrailPage trail = awaitPresent(() -> Optional.of(queries.query(
                        new FindAuditTrail(AuditFilter.forPlan(PLAN), 0, 10), ResponseTypes.instanceOf(AuditTrailPage.class)).join())
                .filter(page -> page.entries().size() == 2));
        assertThat(trail.entries()).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("importer");
            assertThat(entry.actorRoles()).containsExactly("PLAN_MANAGER");
            assertThat(entry.source()).isEqualTo("import");
            assertThat(entry.reason()).isEqualTo("transcribed from the 2014 plan");
        });
        assertThat(trail.entries()).extracting(AuditEntry::type).containsExactlyInAnyOrder("PlanDrafted", "PriorityAdded");
    }

    @Test
    void everyProcessingGroupRunsPooledOnOneSegmentWithItsTokenInMongoDb() throws InterruptedException {
        EventProcessingConfiguration processing = application.getBean(EventProcessingConfiguration.class);
        TokenStore tokenStore = application.getBean(TokenStore.class);

        for (String group : QuerySideModel.processingGroups()) {
            assertThat(processing.eventProcessor(group)).as(group).get().isInstanceOf(PooledStreamingEventProcessor.class);
            // Each processor's coordinator creates its token on its own thread shortly after start.
            int[] segments = awaitPresent(() -> Optional.of(tokenStore.fetchSegments(group)).filter(found -> found.length > 0));
            assertThat(segments).as(group).containsExactly(0);
            // a failing projection retries its batch; Axon's default would log the event and skip it for good
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
        }
    }

    private static <T> T awaitPresent(Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Optional<T> found = probe.get();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            found = probe.get();
        }
        assertThat(found).as("found within 20 s").isPresent();
        return found.get();
    }
}
