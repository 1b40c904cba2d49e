package org.planledger.infra.reliability;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.eventstore.EventStoreUnreadable;
import org.planledger.infra.ReadModels;
import org.planledger.infra.SlowLane;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hardening finding 6: a damaged read-model file stopped the start with a 230-line stack trace and
 * no hint that read models can be rebuilt. Read models are derived: the service now moves a store
 * it cannot open aside and rebuilds it from the events. The event store is the source of truth: a
 * damaged one stops the start with a plain message and the recovery steps.
 */
@SlowLane
@ExtendWith(OutputCaptureExtension.class)
class DamagedStoresTest {

    private static final String PLAN = "kettering-csp-2013-2016";

    @TempDir
    Path dataDir;

    @Test
    void aTruncatedReadModelStoreIsMovedAsideAndTheBoardRebuiltFromTheEvents(CapturedOutput output) throws Exception {
        BoardView before;
        try (ConfigurableApplicationContext first = start()) {
            before = board(first);
        }
        truncate(dataDir.resolve("read-models.mv.db"), 1_000);

        try (ConfigurableApplicationContext second = start()) {
            assertThat(board(second)).isEqualTo(before);
        }
        assertThat(output).contains("could not be opened").contains("rebuilt from the event store");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("read-models.mv.db.damaged-"));
        }
    }

    @Test
    void rebuildingOnRequestGivesTheSameBoard() throws Exception {
        BoardView before;
        try (ConfigurableApplicationContext first = start()) {
            before = board(first);
        }
        try (ConfigurableApplicationContext second = start("--planledger.read-models.rebuild=true")) {
            assertThat(board(second)).isEqualTo(before);
        }
    }

    @Test
    void aDamagedEventStoreStopsTheStartWithThePlainRecoverySteps() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            board(first);
        }
        truncate(dataDir.resolve("event-store.mv.db"), 1_000);

        assertThatThrownBy(this::start).satisfies(failure -> {
            FailureAnalysis analysis = new EventStoreUnreadable.Analyzer().analyze(failure);
            assertThat(analysis).as("a plain explanation instead of a stack trace").isNotNull();
            assertThat(analysis.getDescription()).contains("event store").contains("event-store.mv.db");
            assertThat(analysis.getAction()).contains("backup").contains("Recover");
        });
    }

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = Stream.concat(Stream.of("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=true"), Stream.of(extra))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF).run(args);
    }

    private static BoardView board(ConfigurableApplicationContext application) throws InterruptedException {
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        return application.getBean(QueryGateway.class)
                .query(new FindBoardView(PLAN), ResponseTypes.optionalInstanceOf(BoardView.class)).join().orElseThrow();
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}
