package org.planledger.infra.importer;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.events.FinancialYear;
import org.planledger.infra.PlanLedgerApplication;
import org.planledger.infra.ReadModels;
import org.planledger.query.api.ActionReferralStatistics;
import org.planledger.query.api.BoardAction;
import org.planledger.query.api.BoardIndicator;
import org.planledger.query.api.BoardObjective;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.planledger.query.api.FindPlanAsAt;
import org.planledger.query.api.FindReferralStatistics;
import org.planledger.query.api.ReferralCounts;
import org.planledger.query.api.ReferralStatistics;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The imported Kettering plan tells, through the read models, the story the document tells: the
 * same actions under the same objectives, Appendix A's baselines and targets, the referral figures
 * of the target-hardening schemes, and a replay at 2012-12-31 that knows December 2012's notes and
 * nothing of June 2013's.
 */
class KetteringReadModelTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext application;
    static QueryGateway queries;
    static BoardView board;

    @BeforeAll
    static void importKettering() throws InterruptedException {
        application = new SpringApplicationBuilder(PlanLedgerApplication.class).bannerMode(Banner.Mode.OFF)
                .run("--planledger.data-dir=" + dataDir, "--server.port=0", "--planledger.demo.enabled=false");
        application.getBean(PlanImporter.class).importFile(KetteringPlan.bytes(), "kettering.json", "tester", line -> { });
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(60));
        queries = application.getBean(QueryGateway.class);
        board = queries.query(new FindBoardView(KetteringPlan.PLAN_ID), ResponseTypes.optionalInstanceOf(BoardView.class))
                .join().orElseThrow();
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theBoardHoldsTheDocumentsActionsUnderTheirObjectives() {
        Map<String, Integer> actionsPerObjective = board.priorities().stream()
                .flatMap(priority -> priority.objectives().stream())
                .collect(Collectors.toMap(BoardObjective::objectiveId, objective -> objective.actions().size()));

        assertThat(actionsPerObjective).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("asb-cleaner-environment", 2), Map.entry("asb-first-time-entrants", 2),
                Map.entry("asb-young-people", 1), Map.entry("asb-diversionary-activities", 1),
                Map.entry("asb-perception-young-people", 1), Map.entry("violence-night-time-economy", 11),
                Map.entry("violence-domestic-abuse", 5), Map.entry("reoffending-repeat-burglary", 4),
                Map.entry("reoffending-reduce-reoffending", 3), Map.entry("reoffending-vehicle-crime", 0),
                Map.entry("confidence-concern", 0), Map.entry("confidence-communication", 0)));
    }

    @Test
    void theIndicatorsCarryAppendixAsBaselinesAndTargets() {
        BoardIndicator litter = indicator("asb-cleaner-litter");
        assertThat(litter.baseline().value()).isEqualByComparingTo("18.8");
        assertThat(litter.target().value()).isEqualByComparingTo("17.9");
        assertThat(litter.target().text()).isEqualTo("Reduce to below 17.9%");
        BoardIndicator burglaryVictims = indicator("reoffending-repeat-burglary-victims");
        assertThat(burglaryVictims.baseline().value()).isEqualByComparingTo("13");
        assertThat(burglaryVictims.target().value()).isEqualByComparingTo("6");
        assertThat(burglaryVictims.changeRequired()).isEqualTo("7");
        BoardIndicator violence = indicator("violence-nte-borough-vap");
        assertThat(violence.baseline().value()).isEqualByComparingTo("1200");
        assertThat(violence.changeRequired()).isEqualTo("96 (8%)");
        BoardIndicator communication = indicator("confidence-communication-dealing-with-concerns");
        assertThat(communication.baseline().value()).isEqualByComparingTo("63.6");
        assertThat(communication.target().value()).isEqualByComparingTo("66");
    }

    @Test
    void theTargetHardeningReferralFiguresAreTheDocuments() {
        ReferralCounts burglary2012 = referrals("2012/13", "reoffending-burglary-target-hardening");
        assertThat(burglary2012.received()).isEqualTo(65);
        assertThat(burglary2012.totalCostPence()).isEqualTo(1_094_300);
        ReferralCounts burglary2010 = referrals("2010/11", "reoffending-burglary-target-hardening");
        assertThat(burglary2010.received()).isEqualTo(65);
        assertThat(burglary2010.totalCostPence()).isEqualTo(505_430);
        ReferralCounts domesticAbuse2011 = referrals("2011/12", "violence-da-target-hardening");
        assertThat(domesticAbuse2011.received()).isEqualTo(37);
        assertThat(domesticAbuse2011.totalCostPence()).isEqualTo(1_113_900);
        ReferralCounts domesticAbuse2012 = referrals("2012/13", "violence-da-target-hardening");
        assertThat(domesticAbuse2012.received()).isEqualTo(36);
        assertThat(domesticAbuse2012.totalCostPence()).isEqualTo(1_262_600);
        // The alleyways project gates alleys; the document gives it no referrals.
        assertThat(referrals("2012/13", "reoffending-burglary-alleyways").received()).isZero();
    }

    @Test
    void asAtTheEndOf2012ThePlanHasDecembersNotesAndNoneFromJune2013() {
        BoardView asAt = queries.query(new FindPlanAsAt(KetteringPlan.PLAN_ID, LocalDate.of(2012, 12, 31), null),
                ResponseTypes.optionalInstanceOf(BoardView.class)).join().orElseThrow();

        assertThat(action(asAt, "asb-cleaner-weeks-of-action").latestNote().period()).isEqualTo("2012-12");
        assertThat(action(asAt, "violence-nte-body-worn-video").latestNote().period()).isEqualTo("2012-12");
        assertThat(actions(asAt).filter(action -> action.latestNote() != null)
                .map(action -> action.latestNote().effectiveOn()))
                .allSatisfy(date -> assertThat(date).isBeforeOrEqualTo(LocalDate.of(2012, 12, 31)));
        // The Dynamic Emergency Care Centre ceased in May 2013: at the end of 2012 it was still running.
        assertThat(action(asAt, "violence-nte-decc").status().name()).isEqualTo("OPEN");

        assertThat(action(board, "asb-fte-holiday-activities").latestNote().period()).startsWith("2013-06");
    }

    private static BoardIndicator indicator(String id) {
        return board.priorities().stream().flatMap(priority -> priority.objectives().stream())
                .flatMap(objective -> objective.indicators().stream())
                .filter(indicator -> indicator.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static ReferralCounts referrals(String financialYear, String actionId) {
        ReferralStatistics statistics = queries.query(
                new FindReferralStatistics(KetteringPlan.PLAN_ID, FinancialYear.parse(financialYear)),
                ResponseTypes.optionalInstanceOf(ReferralStatistics.class)).join().orElseThrow();
        return statistics.actions().stream().filter(action -> action.actionId().equals(actionId))
                .map(ActionReferralStatistics::counts).findFirst().orElse(ReferralCounts.NONE);
    }

    private static Stream<BoardAction> actions(BoardView view) {
        return view.priorities().stream().flatMap(priority -> priority.objectives().stream())
                .flatMap(objective -> objective.actions().stream());
    }

    private static BoardAction action(BoardView view, String actionId) {
        return actions(view).filter(action -> action.actionId().equals(actionId)).findFirst().orElseThrow();
    }
}
