package org.planledger.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The new plan events through the real projections (board, journal, audit trail, action history) on the
 * embedded MongoDB: an objective and an indicator retired at a refresh, a reading corrected, an undated note
 * and a priority's focus strands.
 */
class RetirementProjectionTest {

    private static final String PLAN = "vale-2014";
    private static final LocalDate START = LocalDate.parse("2014-04-01");
    private static final LocalDate REFRESH = LocalDate.parse("2014-06-01");

    private TestLedger ledger;

    @BeforeEach
    void start() {
        ledger = new TestLedger();
        TestLedger.Events e = new TestLedger.Events();
        e.as("manager", "PLAN_MANAGER");
        e.add(new PlanDrafted(PLAN, "Vale Safer Partnership", "Vale plan", START, LocalDate.parse("2017-03-31"),
                Cadence.QUARTERLY, START), "2014-04-01T09:00:00Z");
        e.add(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of(), List.of("Street drinking"), START));
        e.add(new ObjectiveAdded(PLAN, "asb", "asb-1", "Fewer calls", List.of(), START));
        e.add(new ObjectiveAdded(PLAN, "asb", "asb-2", "Safer parks", List.of(), START));
        e.add(new IndicatorDefined(PLAN, "asb-1", null, "calls", "ASB calls", IndicatorUnit.COUNT, Direction.REDUCE, null,
                new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "Fewer than last year", null, null), null, null, null, START));
        e.add(new IndicatorDefined(PLAN, "asb-1", null, "survey", "Feel safe", IndicatorUnit.PERCENT, Direction.INCREASE,
                null, new Target(TargetKind.MONITOR_ONLY, null, "Monitor", null, null), null, null, null, START));
        e.add(new ActionRegistered(PLAN, "asb-2", "wardens", "digest", START));
        e.add(new ActionAdded(PLAN, "asb-2", "wardens", "Park wardens", List.of(), List.of(), List.of(),
                List.of(new Lead("Bob Hale", null, null)), List.of(), START, null, List.of(), START));
        e.add(new ProgressRecorded(PLAN, "wardens", "wardens.n1", "2014-04", "Wardens have patrolled for years.", null,
                null, true, START));
        e.add(new IndicatorReadingRecorded(PLAN, "calls", "calls.2014-04", new BigDecimal("310"), "2014-04", null, null,
                null, null, LocalDate.parse("2014-04-30")), "2014-05-02T09:00:00Z");
        e.add(new ObjectiveRetired(PLAN, "asb-2", "dropped at the refresh", REFRESH), "2014-06-02T09:00:00Z",
                "dropped at the refresh");
        e.add(new IndicatorRetired(PLAN, "survey", "survey discontinued", REFRESH), "2014-06-02T09:01:00Z",
                "survey discontinued");
        e.add(new IndicatorReadingCorrected(PLAN, "calls", "calls.2014-04", new BigDecimal("298"), null, "final figure",
                "the force revised April", LocalDate.parse("2014-06-10")), "2014-06-10T09:00:00Z", "the force revised April");
        ledger.feed(e.messages(), 3);
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    @Test
    void the_live_board_drops_what_was_retired_shows_the_corrected_figure_and_the_focus_strands() {
        BoardView board = ledger.model.board().handle(new FindBoardView(PLAN)).orElseThrow();

        BoardPriority asb = board.priorities().get(0);
        assertThat(asb.focus()).containsExactly("Street drinking");
        assertThat(asb.objectives()).extracting(BoardObjective::objectiveId).containsExactly("asb-1");
        assertThat(asb.objectives().get(0).indicators()).extracting(BoardIndicator::indicatorId).containsExactly("calls");
        assertThat(asb.objectives().get(0).indicators().get(0).latestReading().value()).isEqualByComparingTo("298");
    }

    @Test
    void as_at_before_the_refresh_and_the_correction_shows_the_plan_and_figure_as_they_stood() {
        BoardView before = ledger.model.planReplay().handle(new FindPlanAsAt(PLAN, REFRESH.minusDays(1), null)).orElseThrow();

        assertThat(before.priorities().get(0).objectives()).extracting(BoardObjective::objectiveId)
                .containsExactly("asb-1", "asb-2");
        assertThat(before.priorities().get(0).objectives().get(0).indicators())
                .extracting(BoardIndicator::indicatorId).containsExactly("calls", "survey");
        assertThat(before.priorities().get(0).objectives().get(0).indicators().get(0).latestReading().value())
                .isEqualByComparingTo("310");
    }

    @Test
    void the_audit_trail_names_the_retirements_and_the_correction_with_before_and_after() {
        AuditTrailPage page = ledger.model.auditTrail().handle(new FindAuditTrail(AuditFilter.forPlan(PLAN), 0, 3));

        assertThat(page.entries()).extracting(AuditEntry::type).containsExactly("IndicatorReadingCorrected",
                "IndicatorRetired", "ObjectiveRetired");
        assertThat(page.entries().get(0).changes()).extracting(FieldChange::field, FieldChange::before, FieldChange::after)
                .containsExactly(tuple("reading (2014-04)", "310", "298"), tuple("note (2014-04)", null, "final figure"));
        assertThat(page.entries().get(0).reason()).isEqualTo("the force revised April");
        assertThat(page.entries().get(2).changes()).extracting(FieldChange::field, FieldChange::before, FieldChange::after)
                .containsExactly(tuple("retired", "false", "true"), tuple("retiredBecause", null, "dropped at the refresh"));
    }

    @Test
    void the_action_history_marks_the_undated_note() {
        ActionHistory history = ledger.model.actionHistory().handle(new FindActionHistory("wardens")).orElseThrow();

        assertThat(history.notes()).singleElement().satisfies(note -> {
            assertThat(note.undated()).isTrue();
            assertThat(note.period()).isEqualTo("2014-04");
        });
    }
}
