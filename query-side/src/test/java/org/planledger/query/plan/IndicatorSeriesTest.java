package org.planledger.query.plan;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardIndicator;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicators as series, folded from plain events: a strategy document's yearly figures (domestic
 * burglaries, with the cost of crime for each year) as a board member reads them.
 */
class IndicatorSeriesTest {

    static final String PLAN = "strategy-2014";
    static final String BURGLARY = "dwelling-burglary";
    static final Target REDUCE_ON_LAST_YEAR = new Target(TargetKind.ABSOLUTE, new BigDecimal("300"), "Below 300");

    final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void every_reading_is_kept_in_period_order_with_its_cost_note_and_source() {
        draftPlanWithBurglaryIndicator(REDUCE_ON_LAST_YEAR);
        // recorded out of period order, as a document's table is often typed in
        reading("r-2013", "312", "2013/14", 2_100_000_00L, null);
        reading("r-2011", "340", "2011/12", null, "before the new recording standard");
        reading("r-2012", "298", "2012/13", null, null);

        IndicatorView indicator = fold().indicator(BURGLARY).orElseThrow();

        assertThat(indicator.readings()).extracting(ReadingView::period).containsExactly("2011/12", "2012/13", "2013/14");
        assertThat(indicator.readings().get(0).note()).isEqualTo("before the new recording standard");
        assertThat(indicator.readings().get(2).costPence()).isEqualTo(2_100_000_00L);
        assertThat(indicator.readings().get(2).effectiveOn()).isEqualTo(d("2014-03-31"));
        assertThat(indicator.latestReading().period()).isEqualTo("2013/14");
        assertThat(indicator.readingCount()).isEqualTo(3);
    }

    @Test
    void the_board_shows_the_latest_reading_and_the_change_from_the_one_before() {
        draftPlanWithBurglaryIndicator(REDUCE_ON_LAST_YEAR);
        reading("r-2013", "312", "2013/14", null, null);
        reading("r-2014", "233", "2014/15", null, null);

        BoardIndicator board = board(d("2015-06-01"));

        assertThat(board.latestReading().value()).isEqualByComparingTo("233");
        assertThat(board.previousReading().period()).isEqualTo("2013/14");
        assertThat(board.change()).isEqualByComparingTo("-79");
        assertThat(board.readingCount()).isEqualTo(2);
    }

    @Test
    void the_board_says_whether_a_target_to_improve_on_last_year_is_met_and_why() {
        draftPlanWithBurglaryIndicator(new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "Fewer than last year"));
        reading("r-2013", "312", "2013/14", null, null);
        reading("r-2014", "233", "2014/15", null, null);

        BoardIndicator board = board(d("2015-06-01"));

        assertThat(board.onTrack()).isTrue();
        assertThat(board.onTrackReason()).isEqualTo("233 vs 312 in 2013/14: improved");
    }

    @Test
    void peer_readings_are_a_second_series_and_not_the_partnerships_own_latest() {
        draftPlanWithBurglaryIndicator(new Target(TargetKind.PEER_COMPARISON, null, "Below the MSG", null, "MSG"));
        reading("r-2013", "312", "2013/14", null, null);
        record(new IndicatorReadingRecorded(PLAN, BURGLARY, "p-2013", new BigDecimal("290"), "2013/14", null, null,
                "iQuanta", "PEER", d("2014-03-31")));

        BoardIndicator board = board(d("2014-06-01"));

        assertThat(board.latestReading().value()).isEqualByComparingTo("312");
        assertThat(board.onTrack()).isFalse();
        assertThat(board.onTrackReason()).isEqualTo("312 vs 290 for MSG in 2013/14: worse than peers");
    }

    @Test
    void readings_before_a_series_break_are_on_the_old_basis_and_never_compared_with_later_ones() {
        draftPlanWithBurglaryIndicator(new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "Fewer than last year"));
        reading("r-2012", "298", "2012/13", null, null);
        reading("r-2013", "312", "2013/14", null, null);
        record(new IndicatorSeriesBroken(PLAN, BURGLARY, d("2014-04-01"), "counting rules changed", true, d("2014-04-01")));

        IndicatorView indicator = fold().indicator(BURGLARY).orElseThrow();
        assertThat(indicator.readings()).extracting(ReadingView::oldBasis).containsExactly(true, true);
        BoardIndicator before = board(d("2014-06-01"));
        assertThat(before.latestReading()).isNull();
        assertThat(before.onTrack()).isNull();
        assertThat(before.onTrackReason()).isEqualTo("series break on 2014-04-01 (counting rules changed): no comparison yet");

        reading("r-2014", "233", "2014/15", null, null);
        BoardIndicator after = board(d("2015-06-01"));
        assertThat(fold().indicator(BURGLARY).orElseThrow().readings()).extracting(ReadingView::oldBasis)
                .containsExactly(true, true, false);
        assertThat(after.latestReading().value()).isEqualByComparingTo("233");
        assertThat(after.previousReading()).isNull();
        assertThat(after.change()).isNull();
        assertThat(after.onTrack()).isNull();
        assertThat(after.onTrackReason()).isEqualTo("series break on 2014-04-01 (counting rules changed): no comparison yet");

        reading("r-2015", "220", "2015/16", null, null);
        assertThat(board(d("2016-06-01")).onTrackReason()).isEqualTo("220 vs 233 in 2014/15: improved");
    }

    @Test
    void a_percent_change_from_a_period_before_the_break_is_not_judged() {
        draftPlanWithBurglaryIndicator(new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("3.5"), "3.5% reduction on 2011/12",
                "2011/12", null));
        reading("r-2011", "340", "2011/12", null, null);
        record(new IndicatorSeriesBroken(PLAN, BURGLARY, d("2014-04-01"), "counting rules changed", true, d("2014-04-01")));
        reading("r-2014", "233", "2014/15", null, null);

        assertThat(board(d("2015-06-01")).onTrackReason())
                .isEqualTo("series break on 2014-04-01 (counting rules changed): no comparison yet");
    }

    @Test
    void a_retried_reading_with_the_same_id_is_held_once() {
        draftPlanWithBurglaryIndicator(REDUCE_ON_LAST_YEAR);
        reading("r-2013", "312", "2013/14", null, null);
        reading("r-2013", "312", "2013/14", null, null);

        assertThat(fold().indicator(BURGLARY).orElseThrow().readings()).hasSize(1);
    }

    @Test
    void a_money_valued_measure_is_an_indicator_whose_readings_are_in_pence() {
        record(new PlanDrafted(PLAN, "Partnership", "Strategy", d("2014-04-01"), d("2017-03-31"), Cadence.QUARTERLY, d("2014-04-01")));
        record(new PriorityAdded(PLAN, "acq", "Acquisitive crime", List.of(), d("2014-04-01")));
        record(new ObjectiveAdded(PLAN, "acq", "acq-1", "Cut the cost of crime", List.of(), d("2014-04-01")));
        record(new IndicatorDefined(PLAN, "acq-1", "cost-of-crime", "Cost of crime", IndicatorUnit.MONEY, Direction.REDUCE,
                null, new Target(TargetKind.MONITOR_ONLY, null, "Monitor"), null, null, null, d("2014-04-01")));
        record(new IndicatorReadingRecorded(PLAN, "cost-of-crime", "c1", new BigDecimal("450000000"), "2013/14",
                null, null, "Home Office model", null, d("2014-03-31")));

        IndicatorView indicator = fold().indicator("cost-of-crime").orElseThrow();

        assertThat(indicator.unit()).isEqualTo(IndicatorUnit.MONEY);
        assertThat(indicator.latestReading().value()).isEqualByComparingTo("450000000");
    }

    @Test
    void plan_level_measures_are_listed_apart_priority_measures_under_their_priority_and_linked_ones_under_each_objective() {
        draftPlanWithBurglaryIndicator(REDUCE_ON_LAST_YEAR);
        record(new ObjectiveAdded(PLAN, "acq", "acq-2", "Fewer repeat victims", List.of(), d("2014-04-01")));
        record(new IndicatorLinked(PLAN, BURGLARY, "acq-2", d("2014-04-01")));
        record(new IndicatorDefined(PLAN, null, null, "all-crime", "All recorded crime", IndicatorUnit.COUNT, Direction.REDUCE,
                null, new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "Fewer than last year"), null, null, null, d("2014-04-01")));
        record(new IndicatorDefined(PLAN, null, "acq", "acq-cost", "Cost of acquisitive crime", IndicatorUnit.MONEY,
                Direction.REDUCE, null, new Target(TargetKind.MONITOR_ONLY, null, "Monitor"), null, null, null, d("2014-04-01")));

        var board = BoardRenderer.render(fold(), d("2014-06-01"), null);

        assertThat(board.measures()).extracting(BoardIndicator::indicatorId).containsExactly("all-crime");
        assertThat(board.priorities().get(0).indicators()).extracting(BoardIndicator::indicatorId).containsExactly("acq-cost");
        assertThat(board.priorities().get(0).objectives()).allSatisfy(objective ->
                assertThat(objective.indicators()).extracting(BoardIndicator::indicatorId).containsExactly(BURGLARY));
        assertThat(fold().indicators()).hasSize(3); // shared, not copied
    }

    void draftPlanWithBurglaryIndicator(Target target) {
        record(new PlanDrafted(PLAN, "Partnership", "Strategy", d("2014-04-01"), d("2017-03-31"), Cadence.QUARTERLY, d("2014-04-01")));
        record(new PriorityAdded(PLAN, "acq", "Acquisitive crime", List.of(), d("2014-04-01")));
        record(new ObjectiveAdded(PLAN, "acq", "acq-1", "Fewer burglaries", List.of(), d("2014-04-01")));
        record(new IndicatorDefined(PLAN, "acq-1", BURGLARY, "Dwelling burglaries", IndicatorUnit.COUNT, Direction.REDUCE,
                new Baseline(new BigDecimal("340"), "2011/12", "iQuanta", "340 (2011/12)"), target, null, null, null,
                d("2014-04-01")));
    }

    void reading(String id, String value, String period, Long costPence, String note) {
        record(new IndicatorReadingRecorded(PLAN, BURGLARY, id, new BigDecimal(value), period, costPence, note, "iQuanta",
                null, ReadingPeriod.lastDayOf(period)));
    }

    BoardIndicator board(LocalDate asAt) {
        return BoardRenderer.render(fold(), asAt, null).priorities().get(0).objectives().get(0).indicators().get(0);
    }

    void record(PlanLedgerEvent event) {
        long sequence = journal.size();
        journal.add(RecordedEvent.of(sequence, event, new AuditInfo("manager", List.of(), null, "api", null, null),
                Instant.parse("2015-01-01T09:00:00Z").plusSeconds(60 * sequence)));
    }

    PlanView fold() {
        return PlanReducer.fold(PLAN, journal);
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
