package org.planledger.query.plan;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardAction;
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
 * Facts plans give loosely, held as they are: an ongoing action without dates led by an
 * organisation, a tally with a count and no cost, and a note reporting "41 of 60".
 */
class LooseFactsTest {

    private static final String PLAN = "strategy-2014";
    private static final String ACTION = "street-drinking";
    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void an_ongoing_action_without_dates_led_by_an_organisation_is_never_overdue() {
        draftPlanWithOngoingAction();

        BoardAction action = board(d("2016-12-01"));

        assertThat(action.startDate()).isNull();
        assertThat(action.endDate()).isNull();
        assertThat(action.overdue()).isFalse();
        assertThat(action.leads()).containsExactly(new Lead(null, "Kettering Borough Council", null));
    }

    @Test
    void a_tally_without_a_cost_is_counted_but_its_cost_is_unknown_not_zero() {
        draftPlanWithOngoingAction();
        record(new ReferralsTallied(PLAN, ACTION, "t1", d("2014-04-01"), d("2015-03-31"), 40, (Long) null, "count only", d("2015-03-31")));
        record(new ReferralsTallied(PLAN, ACTION, "t2", d("2014-04-01"), d("2015-03-31"), 25, 500_000L, null, d("2015-03-31")));

        BoardAction action = board(d("2014-12-01"));

        assertThat(action.referrals().count()).isEqualTo(65);
        assertThat(action.referrals().costPence()).isEqualTo(500_000L);
        assertThat(action.referrals().countWithoutCost()).isEqualTo(40);
    }

    @Test
    void a_note_reports_achieved_against_planned() {
        draftPlanWithOngoingAction();
        record(new ProgressRecorded(PLAN, ACTION, "n1", "2014-06", "Homes secured", new BigDecimal("41"), new BigDecimal("60"),
                d("2014-06-01")));

        BoardAction action = board(d("2014-07-01"));

        assertThat(action.latestNote().quantity()).isEqualTo("41 of 60");
        assertThat(action.latestNote().achieved()).isEqualByComparingTo("41");
    }

    private void draftPlanWithOngoingAction() {
        record(new PlanDrafted(PLAN, "Partnership", "Strategy", d("2014-04-01"), d("2017-03-31"), Cadence.QUARTERLY, d("2014-04-01")));
        record(new PriorityAdded(PLAN, "asb", "ASB", List.of(), d("2014-04-01")));
        record(new ObjectiveAdded(PLAN, "asb", "asb-1", "Less street drinking", List.of(), d("2014-04-01")));
        record(new ActionAdded(PLAN, "asb-1", ACTION, "Enforce the street drinking order", List.of(), List.of(), List.of(),
                List.of(new Lead(null, "Kettering Borough Council", null)), List.of(), null, null, List.of(), d("2014-04-01")));
    }

    private BoardAction board(LocalDate asAt) {
        return BoardRenderer.render(PlanReducer.fold(PLAN, journal), asAt, null).priorities().get(0).objectives().get(0)
                .actions().get(0);
    }

    private void record(PlanLedgerEvent event) {
        long sequence = journal.size();
        journal.add(RecordedEvent.of(sequence, event, new AuditInfo("manager", List.of(), null, "api", null, null),
                Instant.parse("2015-01-01T09:00:00Z").plusSeconds(60 * sequence)));
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
