package org.planledger.query.replay;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardIndicator;
import org.planledger.query.api.BoardObjective;
import org.planledger.query.api.BoardPriority;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindPlanCharts;
import org.planledger.query.api.IndicatorSeries;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.ReadingView;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A refresh that drops an objective and an indicator, a published figure revised later, an undated note and a
 * priority's focus strands, as the board, "as at", charts and the audit trail's changes show them.
 */
class RetirementCorrectionTest {

    private static final String PLAN = "vale-2014";
    private static final LocalDate REFRESH = LocalDate.parse("2015-04-01");
    private static final LocalDate CORRECTED = LocalDate.parse("2015-07-15");
    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void a_retired_objective_and_indicator_leave_the_board_from_their_retirement_and_stay_in_earlier_replays() {
        plan();
        record(new ObjectiveRetired(PLAN, "asb-2", "dropped at the 2015 refresh", REFRESH));
        record(new IndicatorRetired(PLAN, "calls", "the force stopped publishing it", REFRESH));

        BoardView before = BoardRenderer.render(PlanReplayQueries.foldAsAt(PLAN, journal, REFRESH.minusDays(1), null),
                REFRESH.minusDays(1), null);
        BoardView after = BoardRenderer.render(PlanReplayQueries.foldAsAt(PLAN, journal, REFRESH, null), REFRESH, null);

        BoardPriority was = before.priorities().get(0);
        assertThat(was.objectives()).extracting(BoardObjective::objectiveId).containsExactly("asb-1", "asb-2");
        assertThat(was.objectives().get(0).indicators()).extracting(BoardIndicator::indicatorId).containsExactly("calls");
        assertThat(was.rag().red() + was.rag().amber() + was.rag().green() + was.rag().unrated()).isEqualTo(2);

        BoardPriority now = after.priorities().get(0);
        assertThat(now.objectives()).extracting(BoardObjective::objectiveId).containsExactly("asb-1");
        assertThat(now.objectives().get(0).indicators()).isEmpty();
        // the retired objective's action leaves the counts with it
        assertThat(now.rag().unrated()).isEqualTo(1);
        assertThat(after.rag().unrated()).isEqualTo(1);

        // the view keeps them, marked, so their history stays readable
        PlanView whole = PlanReducer.fold(PLAN, journal);
        assertThat(whole.objective("asb-2")).hasValueSatisfying(o -> {
            assertThat(o.retired()).isTrue();
            assertThat(o.retiredReason()).isEqualTo("dropped at the 2015 refresh");
        });
        assertThat(whole.indicator("calls")).hasValueSatisfying(i -> assertThat(i.retired()).isTrue());
    }

    @Test
    void retirements_are_named_in_the_changes_with_before_and_after() {
        plan();
        record(new ObjectiveRetired(PLAN, "asb-2", "dropped", REFRESH));
        record(new IndicatorRetired(PLAN, "calls", "not published", REFRESH));

        assertThat(changesOf(journal.size() - 2)).extracting(Change::kind, Change::subjectId, Change::before, Change::after)
                .containsExactly(tuple("OBJECTIVE_RETIRED", "asb-2", "false", "true"),
                        tuple("OBJECTIVE_RETIRED", "asb-2", null, "dropped"));
        assertThat(changesOf(journal.size() - 1)).extracting(Change::kind, Change::subjectId, Change::before, Change::after)
                .containsExactly(tuple("INDICATOR_RETIRED", "calls", "false", "true"),
                        tuple("INDICATOR_RETIRED", "calls", null, "not published"));
    }

    @Test
    void a_corrected_reading_shows_on_the_board_and_charts_and_a_replay_before_the_correction_shows_the_original() {
        plan();
        record(new IndicatorReadingRecorded(PLAN, "calls", "calls.2014_15", new BigDecimal("1200"), "2014/15", 50_000L,
                "provisional", null, null, LocalDate.parse("2015-03-31")));
        record(new IndicatorReadingCorrected(PLAN, "calls", "calls.2014_15", new BigDecimal("1175"), 48_000L, "final",
                "the force revised its figure", CORRECTED));

        ReadingView original = latest(PlanReplayQueries.foldAsAt(PLAN, journal, CORRECTED.minusDays(1), null));
        ReadingView corrected = latest(PlanReplayQueries.foldAsAt(PLAN, journal, CORRECTED, null));

        assertThat(original.value()).isEqualByComparingTo("1200");
        assertThat(original.corrections()).isZero();
        assertThat(corrected.value()).isEqualByComparingTo("1175");
        assertThat(corrected.costPence()).isEqualTo(48_000L);
        assertThat(corrected.note()).isEqualTo("final");
        assertThat(corrected.corrections()).isEqualTo(1);
        assertThat(corrected.originalValue()).isEqualByComparingTo("1200");

        BoardView board = BoardRenderer.render(PlanReducer.fold(PLAN, journal), CORRECTED, null);
        assertThat(board.priorities().get(0).objectives().get(0).indicators().get(0).latestReading().value())
                .isEqualByComparingTo("1175");
        IndicatorSeries series = PlanReplayQueries.charts(new FindPlanCharts(PLAN, List.of(CORRECTED)), journal)
                .indicators().stream().filter(s -> s.indicatorId().equals("calls")).findFirst().orElseThrow();
        assertThat(series.readings()).extracting(r -> r.value().toPlainString()).containsExactly("1175");

        assertThat(changesOf(journal.size() - 1)).extracting(Change::kind, Change::field, Change::before, Change::after)
                .containsExactly(tuple("READING_CORRECTED", "reading (2014/15)", "1200", "1175"),
                        tuple("READING_CORRECTED", "cost (2014/15)", "£500.00", "£480.00"),
                        tuple("READING_CORRECTED", "note (2014/15)", "provisional", "final"));
    }

    @Test
    void an_undated_note_is_marked_and_focus_strands_show_under_their_priority() {
        plan();
        record(new ProgressRecorded(PLAN, "patrols", "patrols.n1", "2014-04", "Background with no date.", null, null,
                true, LocalDate.parse("2014-04-01")));
        record(new PriorityRevised(PLAN, "asb", "Anti-social behaviour", List.of(), List.of("Nuisance neighbours"), REFRESH));

        PlanView whole = PlanReducer.fold(PLAN, journal);
        assertThat(whole.action("patrols").orElseThrow().notes().get(0).undated()).isTrue();
        assertThat(BoardRenderer.render(whole, REFRESH, null).priorities().get(0).objectives().get(0).actions().get(0)
                .latestNote().undated()).isTrue();
        assertThat(BoardRenderer.render(PlanReplayQueries.foldAsAt(PLAN, journal, REFRESH.minusDays(1), null),
                REFRESH.minusDays(1), null).priorities().get(0).focus()).containsExactly("Street drinking", "Nuisance");
        assertThat(BoardRenderer.render(whole, REFRESH, null).priorities().get(0).focus())
                .containsExactly("Nuisance neighbours");
    }

    private void plan() {
        LocalDate start = LocalDate.parse("2014-04-01");
        record(new PlanDrafted(PLAN, "Vale Safer Partnership", "Vale plan 2014-17", start, LocalDate.parse("2017-03-31"),
                Cadence.QUARTERLY, start));
        record(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of(), List.of("Street drinking", "Nuisance"), start));
        record(new ObjectiveAdded(PLAN, "asb", "asb-1", "Fewer calls", List.of(), start));
        record(new ObjectiveAdded(PLAN, "asb", "asb-2", "Safer parks", List.of(), start));
        record(new IndicatorDefined(PLAN, "asb-1", null, "calls", "ASB calls", IndicatorUnit.COUNT, Direction.REDUCE, null,
                new Target(TargetKind.PERCENT_CHANGE, new BigDecimal("5"), "5% fewer", null, null), null, null, null, start));
        record(new ActionAdded(PLAN, "asb-1", "patrols", "Evening patrols", List.of(), List.of(), List.of(),
                List.of(new Lead("Ann Lee", null, null)), List.of(), start, null, List.of(), start));
        record(new ActionAdded(PLAN, "asb-2", "wardens", "Park wardens", List.of(), List.of(), List.of(),
                List.of(new Lead("Bob Hale", null, null)), List.of(), start, null, List.of(), start));
    }

    private static ReadingView latest(PlanView view) {
        return view.indicator("calls").orElseThrow().latestReading();
    }

    private List<Change> changesOf(int index) {
        PlanView before = PlanReducer.fold(PLAN, journal.subList(0, index));
        PlanView after = PlanReducer.apply(before, journal.get(index));
        return EventDescriptions.changes(before, after, journal.get(index));
    }

    private void record(PlanLedgerEvent event) {
        long sequence = journal.size();
        journal.add(RecordedEvent.of(sequence, event, new AuditInfo("manager", List.of(), null, "api", null, null),
                Instant.parse("2016-01-01T09:00:00Z").plusSeconds(60 * sequence)));
    }
}
