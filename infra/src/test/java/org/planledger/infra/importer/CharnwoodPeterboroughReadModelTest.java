package org.planledger.infra.importer;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.events.TargetKind;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.query.api.BoardAction;
import org.planledger.query.api.BoardIndicator;
import org.planledger.query.api.BoardMember;
import org.planledger.query.api.BoardPriority;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.planledger.query.api.FindPlanAsAt;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The imported Charnwood and Peterborough plans tell, through the board's read model, what their documents
 * say (docs/charnwood-facts.md, docs/peterborough-facts.md): plan-level measures with their target kinds and
 * wording, a priority's own measures, the readings, the members as at a date inside the plan, and ongoing
 * actions. One application for both plans, as each start costs seconds on a shared machine.
 */
class CharnwoodPeterboroughReadModelTest {

    static final String CHARNWOOD = "charnwood-csp-2008-2011";
    static final String PETERBOROUGH = "peterborough-spp-2013-2014";

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static QueryGateway queries;
    static ImportReport charnwoodImport;
    static ImportReport peterboroughImport;

    @BeforeAll
    static void importBoth() throws InterruptedException {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=false");
        PlanImporter importer = application.getBean(PlanImporter.class);
        charnwoodImport = importer.importFile(CharnwoodPlanTest.bytes(), "charnwood.json", "tester", line -> { });
        peterboroughImport = importer.importFile(PeterboroughPlanTest.bytes(), "peterborough.json", "tester", line -> { });
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        queries = application.getBean(QueryGateway.class);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void peterboroughsPlanLevelMeasuresCarryTheirTargetKindsAndWording() {
        BoardView board = board(PETERBOROUGH);

        assertThat(board.measures()).extracting(BoardIndicator::indicatorId, m -> m.target().kind(), m -> m.target().text())
                .containsExactly(
                        tuple("victim-based-crime", TargetKind.PERCENT_CHANGE,
                                "a 10 per cent reduction in victim based crime over the three year duration of the plan"),
                        tuple("crime-continuous-improvement", TargetKind.IMPROVE_ON_PREVIOUS, "Continuous improvement"),
                        tuple("crimes-per-thousand-national-rank", TargetKind.PEER_COMPARISON, "Closing the gap on our peers"),
                        tuple("crime-rate-vs-most-similar-group", TargetKind.PEER_COMPARISON,
                                "Out-performing our most similar group's average crime rates"));
        assertThat(measure(board, "victim-based-crime").target().value()).isEqualByComparingTo("10");
        assertThat(measure(board, "crime-continuous-improvement").onTrackReason()).isEqualTo("no reading yet");

        BoardIndicator rank = measure(board, "crimes-per-thousand-national-rank");
        assertThat(rank.target().peerGroup()).isEqualTo("all 322 CSPs in England and Wales");
        assertThat(rank.baseline().value()).isEqualByComparingTo("19");
        assertThat(rank.latestReading().value()).isEqualByComparingTo("48");
        assertThat(rank.latestReading().period()).isEqualTo("2012/13");
        assertThat(rank.latestReading().costPence()).isNull();
        assertThat(rank.onTrack()).as("the document gives no peer figure to compare 48th with").isNull();
        assertThat(rank.onTrackReason()).isEqualTo("no figure for all 322 CSPs in England and Wales in 2012/13 yet");
    }

    @Test
    void peterboroughsWorkstreamsHoldTheirActionsOngoingAndItsMembersAreTheBoards() {
        BoardView board = asAt(PETERBOROUGH, LocalDate.of(2013, 10, 1));

        assertThat(board.priorities()).hasSize(9).allSatisfy(priority -> {
            assertThat(priority.objectives()).as("an action needs an objective").singleElement()
                    .satisfies(own -> assertThat(own.objectiveId()).isEqualTo(priority.priorityId() + ".own"));
            assertThat(priority.indicators()).isEmpty();
        });
        List<BoardAction> actions = board.priorities().stream().flatMap(p -> p.objectives().stream())
                .flatMap(o -> o.actions().stream()).toList();
        assertThat(actions).hasSize(45).allSatisfy(action -> {
            assertThat(action.startDate()).isNull();
            assertThat(action.endDate()).isNull();
            assertThat(action.overdue()).as("ongoing, never overdue").isFalse();
        });
        assertThat(board.members()).hasSize(13).extracting(BoardMember::name).startsWith("Wendi Ogle-Welbourn")
                .endsWith("The One Service");
        assertThat(board.members()).filteredOn(member -> member.name().equals("Nick Leader")).singleElement()
                .extracting(BoardMember::organisation, BoardMember::role).containsExactly("HMP Peterborough", "Governor");
    }

    @Test
    void charnwoodsNi40ReadingOf1322For2006IsThePrioritysOwnMeasure() {
        BoardPriority acquisitive = priority(board(CHARNWOOD), "acquisitive");

        assertThat(acquisitive.objectives()).as("the seven aims, no '.own' objective").hasSize(7)
                .noneMatch(objective -> objective.objectiveId().endsWith(".own"));
        assertThat(acquisitive.indicators()).hasSize(5);
        BoardIndicator treatment = acquisitive.indicators().stream()
                .filter(indicator -> indicator.indicatorId().equals("acquisitive-ni40")).findFirst().orElseThrow();
        assertThat(treatment.latestReading().value()).isEqualByComparingTo("1322");
        assertThat(treatment.latestReading().period()).isEqualTo("2006/07");
        assertThat(treatment.latestReading().note()).contains("Leicestershire");
        assertThat(treatment.latestReading().costPence()).isNull();
        assertThat(treatment.target().kind()).isEqualTo(TargetKind.MONITOR_ONLY);
        assertThat(treatment.onTrackReason()).isEqualTo("monitor only: no target");
    }

    @Test
    void charnwoodsMeasuresOfSuccessAreHeldByTheirPrioritiesAndTheLaaTableAtPlanLevel() {
        BoardView board = board(CHARNWOOD);

        assertThat(board.priorities()).extracting(priority -> priority.indicators().size()).containsExactly(5, 3, 5, 7, 1);
        assertThat(board.measures()).extracting(BoardIndicator::indicatorId).containsExactly(
                "laa-ni18", "laa-ni19", "laa-ni20-harm", "laa-ni40", "laa-ni24", "laa-ni20-violence",
                "family-group-comparison");
        BoardIndicator family = measure(board, "family-group-comparison");
        assertThat(family.target().kind()).isEqualTo(TargetKind.PEER_COMPARISON);
        assertThat(family.target().peerGroup()).isEqualTo("Family grouping (IQUANTA)");
        assertThat(family.target().text())
                .isEqualTo("Monitor its own performance against its Family grouping using IQUANTA crime data");
        assertThat(family.onTrackReason()).isEqualTo("no reading yet");
    }

    @Test
    void charnwoodsMembersAsAtADateInsideThePlan() {
        BoardView board = asAt(CHARNWOOD, LocalDate.of(2009, 6, 30));

        assertThat(board.members()).hasSize(17);
        assertThat(board.members().get(0)).extracting(BoardMember::memberId, BoardMember::name, BoardMember::role)
                .containsExactly(CHARNWOOD + ".m1", "Cllr David Snartt",
                        "Lead Member for Community Safety; Chair of Charnwood Community Safety Partnership");
        assertThat(board.members()).filteredOn(member -> "responsible agency".equals(member.role())).hasSize(6);
        assertThat(board.members()).filteredOn(member -> "other agency involved".equals(member.role())).hasSize(10);
    }

    @Test
    void nothingOfEitherFileIsLeftUnimported() {
        assertThat(charnwoodImport.notYetImported()).isEmpty();
        assertThat(peterboroughImport.notYetImported()).isEmpty();
        assertThat(charnwoodImport.notApplied()).isEmpty();
        assertThat(peterboroughImport.notApplied()).isEmpty();
    }

    private static BoardView board(String planId) {
        return queries.query(new FindBoardView(planId), ResponseTypes.optionalInstanceOf(BoardView.class))
                .join().orElseThrow();
    }

    private static BoardView asAt(String planId, LocalDate date) {
        return queries.query(new FindPlanAsAt(planId, date, null), ResponseTypes.optionalInstanceOf(BoardView.class))
                .join().orElseThrow();
    }

    private static BoardIndicator measure(BoardView board, String id) {
        return board.measures().stream().filter(measure -> measure.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static BoardPriority priority(BoardView board, String id) {
        return board.priorities().stream().filter(priority -> priority.priorityId().equals(id)).findFirst().orElseThrow();
    }
}
