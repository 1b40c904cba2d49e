package org.planledger.query.plan;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardView;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The plan's state as the board shows it, folded from plain events: no event store, no MongoDB.
 * The story is Kettering's target-hardening action: drafted, funded through referrals, noted on,
 * rated, corrected and withdrawn, as a partnership board would read it.
 */
class PlanReducerTest {

    private static final String PLAN = "kettering-2013";
    private static final String ACTION = "asb-target-hardening";
    private static final Lead JO = new Lead("Jo Smith", "Northamptonshire Police", "lead1");

    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void a_drafted_plan_shows_its_header_priority_objective_and_action_in_place() {
        draftPlanWithOneAction();

        PlanView plan = fold();

        assertThat(plan.drafted()).isTrue();
        assertThat(plan.title()).isEqualTo("Community Safety Plan 2013-2016");
        assertThat(plan.cadence()).isEqualTo(Cadence.QUARTERLY);
        assertThat(plan.priorities()).extracting(PriorityView::priorityId, PriorityView::title)
                .containsExactly(tuple("asb", "Anti-social behaviour"));
        assertThat(plan.objectives()).extracting(ObjectiveView::objectiveId, ObjectiveView::priorityId)
                .containsExactly(tuple("asb-1", "asb"));
        ActionView action = plan.action(ACTION).orElseThrow();
        assertThat(action.objectiveId()).isEqualTo("asb-1");
        assertThat(action.title()).isEqualTo("Target hardening for repeat victims");
        assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(action.leads()).containsExactly(JO);
    }

    @Test
    void a_corrected_note_keeps_its_original_wording_and_a_withdrawn_one_no_longer_counts_as_the_latest() {
        draftPlanWithOneAction();
        record(new ProgressRecorded(PLAN, ACTION, "n1", "2012-06", "Scheme launched with Fire and Rescue", d("2012-06-01")), "lead1");
        record(new ProgressRecorded(PLAN, ACTION, "n2", "2013-06", "Bid successful, £17.7k awarded", d("2013-06-01")), "lead1");
        record(new ProgressNoteCorrected(PLAN, ACTION, "n2", "Bid successful, £17,700 awarded by the PCC", "Amount in full", d("2013-07-15")), "lead1");
        record(new ProgressRecorded(PLAN, ACTION, "n3", "2013-09", "Recorded against the wrong action", d("2013-09-01")), "lead1");
        record(new ProgressNoteWithdrawn(PLAN, ACTION, "n3", "Wrong action", d("2013-10-01")), "manager");

        ActionView action = fold().action(ACTION).orElseThrow();

        NoteView corrected = note(action, "n2");
        assertThat(corrected.text()).isEqualTo("Bid successful, £17,700 awarded by the PCC");
        assertThat(corrected.originalText()).isEqualTo("Bid successful, £17.7k awarded");
        assertThat(corrected.corrections()).isEqualTo(1);
        assertThat(corrected.recordedBy()).isEqualTo("lead1");
        NoteView withdrawn = note(action, "n3");
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.withdrawnReason()).isEqualTo("Wrong action");
        assertThat(action.latestNote()).map(NoteView::noteId).contains("n2");
    }

    @Test
    void the_action_shows_its_latest_rag_rating_with_the_reason_given() {
        draftPlanWithOneAction();
        record(new RagAssessed(PLAN, ACTION, RagStatus.AMBER, "PCC bid pending", d("2012-06-01")), "lead1");
        record(new RagAssessed(PLAN, ACTION, RagStatus.GREEN, "Funded", d("2013-06-01")), "lead1");

        ActionView action = fold().action(ACTION).orElseThrow();

        assertThat(action.rag()).isEqualTo(RagStatus.GREEN);
        assertThat(action.ragReason()).isEqualTo("Funded");
        assertThat(action.ragOn()).isEqualTo(d("2013-06-01"));
    }

    @Test
    void referrals_tallied_and_case_by_case_count_in_their_financial_year_with_their_cost() {
        draftPlanWithOneAction();
        // "65 referrals April 2012 - March 2013, total spend £10,943": the year its period ends in
        record(new ReferralsTallied(PLAN, ACTION, "t1", d("2012-04-01"), d("2013-03-31"), 65, 1_094_300L,
                "65 referrals April 2012 - March 2013", d("2013-03-31")), "lead1");
        record(new ReferralRegistered(PLAN, ACTION, "r1", "digest-r1", d("2013-05-10")), "lead1");
        record(new ReferralRecorded(PLAN, ACTION, "r1", d("2013-05-10"), "Police", "subj-1", "Repeat burglary victim", d("2013-05-10")), "lead1");
        record(new ReferralAccepted(PLAN, ACTION, "r1", d("2013-05-12")), "lead1");
        // closed the next financial year: its cost still counts in the year it was received
        record(new ReferralClosed(PLAN, ACTION, "r1", "Locks fitted", 15_000L, d("2014-04-20")), "lead1");

        ActionView action = fold().action(ACTION).orElseThrow();

        assertThat(action.referralCases()).containsExactly(
                new ReferralCaseView("r1", new FinancialYear(2013), ReferralStatus.CLOSED));
        assertThat(action.totalsFor(new FinancialYear(2012))).isEqualTo(
                new YearTotals(new FinancialYear(2012), 65, 1_094_300L, 0, 0));
        assertThat(action.totalsFor(new FinancialYear(2013))).isEqualTo(
                new YearTotals(new FinancialYear(2013), 1, 15_000L, 0, 0));
        assertThat(action.years()).extracting(YearTotals::financialYear)
                .containsExactly(new FinancialYear(2012), new FinancialYear(2013));
    }

    @Test
    void a_ceased_action_shows_why_and_reopening_it_makes_it_open_again() {
        draftPlanWithOneAction();
        record(new ActionCeased(PLAN, ACTION, "Funding ended", d("2013-02-01")), "lead1");

        assertThat(fold().action(ACTION).orElseThrow())
                .extracting(ActionView::status, ActionView::statusReason, ActionView::statusOn)
                .containsExactly(ActionStatus.CEASED, "Funding ended", d("2013-02-01"));

        record(new ActionReopened(PLAN, ACTION, "New funding found", d("2013-06-01")), "manager");

        assertThat(fold().action(ACTION).orElseThrow().status()).isEqualTo(ActionStatus.OPEN);
    }

    @Test
    void a_plan_labelled_fictional_says_so_on_its_board_and_an_unlabelled_one_does_not() {
        draftPlanWithOneAction();
        assertThat(BoardRenderer.render(fold(), d("2014-01-01"), null).fictional()).isFalse();

        record(new PlanLabelledFictional(PLAN, "An invented partnership", d("2013-04-01")), "manager");

        PlanView plan = fold();
        assertThat(plan.fictional()).isTrue();
        BoardView board = BoardRenderer.render(plan, d("2014-01-01"), null);
        assertThat(board.fictional()).isTrue();
        assertThat(board.fictionNote()).isEqualTo("An invented partnership");
    }

    @Test
    void a_note_for_an_action_the_plan_does_not_hold_is_left_out_rather_than_guessed_at() {
        draftPlanWithOneAction();
        PlanView before = fold();

        record(new ProgressRecorded(PLAN, "not-yet-added", "n9", "2013-06", "Early note", d("2013-06-01")), "lead1");

        assertThat(fold()).isEqualTo(before);
    }

    @Test
    void the_write_sides_bookkeeping_and_a_repeated_note_change_nothing() {
        draftPlanWithOneAction();
        record(new ProgressRecorded(PLAN, ACTION, "n1", "2012-06", "Scheme launched", d("2012-06-01")), "lead1");
        PlanView before = fold();

        record(new ActionRegistered(PLAN, "asb-1", "another-action", "digest", d("2012-04-01")), "manager");
        record(new ReferralRegistered(PLAN, ACTION, "r9", "digest", d("2013-01-01")), "lead1");
        record(new ProgressRecorded(PLAN, ACTION, "n1", "2012-06", "Scheme launched", d("2012-06-01")), "lead1");

        assertThat(fold()).isEqualTo(before);
    }

    private void draftPlanWithOneAction() {
        record(new PlanDrafted(PLAN, "Kettering Borough Community Safety Partnership", "Community Safety Plan 2013-2016",
                d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY, d("2012-04-01")), "manager");
        record(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of("Kettering BC"), d("2012-04-01")), "manager");
        record(new ObjectiveAdded(PLAN, "asb", "asb-1", "Reduce ASB perception", List.of("Fewer people see ASB as a problem"),
                d("2012-04-01")), "manager");
        record(new ActionRegistered(PLAN, "asb-1", ACTION, "digest-a1", d("2012-04-01")), "manager");
        record(new ActionAdded(PLAN, "asb-1", ACTION, "Target hardening for repeat victims", List.of("Homes secured"),
                List.of("Referrals"), List.of("£10k"), List.of(JO), List.of("Fire and Rescue"),
                d("2012-04-01"), d("2014-03-31"), List.of("Funding ends"), d("2012-04-01")), "manager");
    }

    private void record(PlanLedgerEvent event, String actor) {
        long sequence = journal.size();
        journal.add(RecordedEvent.of(sequence, event, new AuditInfo(actor, List.of(), null, "api", null, null),
                Instant.parse("2014-01-01T09:00:00Z").plusSeconds(60 * sequence)));
    }

    private PlanView fold() {
        return PlanReducer.fold(PLAN, journal);
    }

    private static NoteView note(ActionView action, String noteId) {
        return action.notes().stream().filter(n -> n.noteId().equals(noteId)).findFirst().orElseThrow();
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
