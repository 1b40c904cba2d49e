package org.planledger.query.plan;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardAction;
import org.planledger.query.api.BoardView;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A finished plan reads as finished: judged as at its end, never against a later today. */
class FinishedPlanTest {

    private static final String PLAN = "kettering-2013";
    private static final String ACTION = "street-wardens";
    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void a_plan_whose_period_has_ended_is_judged_as_at_its_last_day() {
        draftPlanWithAction(d("2017-06-30"));
        record(new ProgressRecorded(PLAN, ACTION, "n1", "2016-01", "Wardens patrolling", d("2016-01-01")));
        record(new ReferralsTallied(PLAN, ACTION, "t1", d("2015-04-01"), d("2016-03-31"), 12, 1_000L, null, d("2016-03-31")));

        BoardView board = BoardRenderer.render(PlanReducer.fold(PLAN, journal), d("2026-12-03"), null);

        assertThat(board.finished()).isTrue();
        assertThat(board.asAt()).isEqualTo(d("2026-12-03"));
        assertThat(board.viewedAsAt()).isEqualTo(d("2016-03-31"));
        BoardAction action = action(board);
        assertThat(action.overdue()).isFalse();
        assertThat(action.stale()).isFalse();                  // a note in January, due again in April: after the end
        assertThat(action.nextUpdateDue()).isNull();           // nothing is due of a finished plan
        assertThat(action.daysSinceLastNote()).isEqualTo(90);  // counted to the end, not to today
        assertThat(action.referrals().financialYear()).isEqualTo(new FinancialYear(2015)); // the plan's last year
        assertThat(action.referrals().count()).isEqualTo(12);
    }

    @Test
    void a_plan_closed_early_is_judged_as_at_the_day_it_closed() {
        draftPlanWithAction(d("2015-03-31"));
        record(new PlanClosed(PLAN, "close", "superseded by the 2015 strategy", d("2014-12-31")));

        BoardView board = BoardRenderer.render(PlanReducer.fold(PLAN, journal), d("2026-12-03"), null);

        assertThat(board.finished()).isTrue();
        assertThat(board.viewedAsAt()).isEqualTo(d("2014-12-31"));
        assertThat(action(board).overdue()).isFalse();        // it was due to end in March 2015
    }

    @Test
    void a_running_plan_is_judged_on_the_day_viewed_and_stale_agrees_with_the_next_update_due() {
        draftPlanWithAction(d("2015-03-31"));
        record(new ProgressRecorded(PLAN, ACTION, "n1", "2013-06", "Wardens recruited", d("2013-06-01")));

        BoardView before = BoardRenderer.render(PlanReducer.fold(PLAN, journal), d("2013-08-31"), null);
        BoardView after = BoardRenderer.render(PlanReducer.fold(PLAN, journal), d("2013-09-02"), null);

        assertThat(before.finished()).isFalse();
        assertThat(before.viewedAsAt()).isEqualTo(d("2013-08-31"));
        assertThat(action(before).nextUpdateDue()).isEqualTo(d("2013-09-01"));
        assertThat(action(before).stale()).isFalse();
        assertThat(action(after).nextUpdateDue()).isEqualTo(d("2013-09-01"));
        assertThat(action(after).stale()).isTrue();
    }

    @Test
    void before_any_note_the_first_update_is_due_a_cycle_after_the_start_and_stale_agrees() {
        draftPlanWithAction(d("2015-03-31"));

        BoardAction within = action(BoardRenderer.render(PlanReducer.fold(PLAN, journal), d("2013-06-30"), null));
        BoardAction after = action(BoardRenderer.render(PlanReducer.fold(PLAN, journal), d("2013-07-02"), null));

        assertThat(within.nextUpdateDue()).isEqualTo(d("2013-07-01"));
        assertThat(within.stale()).isFalse();
        assertThat(after.stale()).isTrue();
    }

    private void draftPlanWithAction(LocalDate actionEnd) {
        record(new PlanDrafted(PLAN, "Kettering CSP", "Plan", d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY, d("2013-04-01")));
        record(new PriorityAdded(PLAN, "asb", "ASB", List.of(), d("2013-04-01")));
        record(new ObjectiveAdded(PLAN, "asb", "asb-1", "Safer streets", List.of(), d("2013-04-01")));
        record(new ActionAdded(PLAN, "asb-1", ACTION, "Street wardens", List.of(), List.of(), List.of(),
                List.of(new Lead("Jo Smith", "Kettering BC", "lead1")), List.of(), d("2013-04-01"), actionEnd, List.of(),
                d("2013-04-01")));
    }

    private static BoardAction action(BoardView board) {
        return board.priorities().get(0).objectives().get(0).actions().get(0);
    }

    private void record(PlanLedgerEvent event) {
        long sequence = journal.size();
        journal.add(RecordedEvent.of(sequence, event, new AuditInfo("manager", List.of(), null, "api", null, null),
                Instant.parse("2016-01-01T09:00:00Z").plusSeconds(60 * sequence)));
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
