package org.planledger.query.replay;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept plan states are carried forward from an earlier date to a later one, and extended by what is
 * journalled since. Whatever the journal holds (notes and ratings recorded out of effective order,
 * actions added after notes dated before them, referral cases, money, risks, events appended later
 * and backdated, an event committed late and placed in the middle), the plan as at any date and as
 * known at any instant must be the plan a fold from the start gives on the same journal.
 */
class PlanStatesExactnessTest {

    private static final String PLAN = "random-plan";
    private static final LocalDate START = LocalDate.parse("2013-04-01");
    private static final Instant FIRST_RECORDED = Instant.parse("2013-04-01T09:00:00Z");
    private static final AuditInfo AUDIT = new AuditInfo("lead1", List.of(), null, "test", null, null);

    private final List<RecordedEvent> journal = new ArrayList<>();
    private long nextSequence;
    private Instant recordedAt = FIRST_RECORDED;

    @Test
    void as_at_and_as_known_at_equal_a_fold_from_the_start_on_random_dates_while_the_journal_grows() {
        Random random = new Random(18);
        for (int seed = 0; seed < 12; seed++) {
            journal.clear();
            nextSequence = 0;
            recordedAt = FIRST_RECORDED;
            PlanStates kept = new PlanStates(PlanStates.DEFAULT_MAX_FOLDED_EVENTS);
            structure(8);
            for (int round = 0; round < 6; round++) {
                randomEvents(random, 120, round > 0);
                if (round == 3) {
                    commitLateInTheMiddle(random);
                }
                List<RecordedEvent> version = List.copyOf(journal); // each journal version is a new list, as decoded
                for (int query = 0; query < 40; query++) {
                    LocalDate asAt = START.plusDays(random.nextInt(1_200) - 30);
                    Instant knownAt = random.nextInt(4) == 0 ? recordedAt.minusSeconds(random.nextInt(200) * 3_600L) : null;
                    PlanView expected = PlanReplayQueries.foldAsAt(PLAN, version, asAt, knownAt);
                    assertThat(kept.asAt(PLAN, version, asAt, knownAt))
                            .as("seed %d round %d: as at %s known at %s", seed, round, asAt, knownAt)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void a_rating_backdated_after_a_later_one_is_not_carried_forward_past() {
        structure(1);
        String action = action(0);
        add(new RagAssessed(PLAN, action, RagStatus.RED, "Behind", d("2014-05-01")));
        add(new RagAssessed(PLAN, action, RagStatus.GREEN, "Backdated review", d("2014-01-01")));
        List<RecordedEvent> version = List.copyOf(journal);
        PlanStates kept = new PlanStates(PlanStates.DEFAULT_MAX_FOLDED_EVENTS);

        // kept as at February (GREEN), then asked as at June: the fold from the start ends on the backdated GREEN
        assertThat(kept.asAt(PLAN, version, d("2014-02-01"), null).action(action).orElseThrow().rag()).isEqualTo(RagStatus.GREEN);
        PlanView june = kept.asAt(PLAN, version, d("2014-06-01"), null);
        assertThat(june.action(action).orElseThrow().rag()).isEqualTo(RagStatus.GREEN);
        assertThat(june).isEqualTo(PlanReplayQueries.foldAsAt(PLAN, version, d("2014-06-01"), null));
    }

    @Test
    void a_note_dated_before_its_action_is_added_is_not_lost_when_carried_forward() {
        structure(0);
        String action = PLAN + "-late-action";
        add(new ActionAdded(PLAN, PLAN + "-o0", action, "Added in June", List.of(), List.of(), List.of(), List.of(),
                List.of(), START, null, List.of(), d("2014-06-01")));
        add(new ProgressRecorded(PLAN, action, "n1", "2014-03", "Work began before the action was added", null, null, d("2014-03-01")));
        List<RecordedEvent> version = List.copyOf(journal);
        PlanStates kept = new PlanStates(PlanStates.DEFAULT_MAX_FOLDED_EVENTS);

        assertThat(kept.asAt(PLAN, version, d("2014-04-01"), null).action(action)).isEmpty();
        PlanView july = kept.asAt(PLAN, version, d("2014-07-01"), null);
        assertThat(july.action(action).orElseThrow().notes()).hasSize(1);
        assertThat(july).isEqualTo(PlanReplayQueries.foldAsAt(PLAN, version, d("2014-07-01"), null));
    }

    @Test
    void actions_worked_on_side_by_side_are_carried_forward_and_a_backdated_rating_is_not() {
        // as the generated plan is written: several actions' notes interleaved, then each action's
        // referral cases and money, recorded after its later notes but dated earlier
        structure(4, false);
        for (int month = 0; month < 24; month += 2) {
            for (int a = 0; a < 4; a++) {
                add(new ProgressRecorded(PLAN, action(a), "n" + a + "-" + month, "p", "Note", null, null, START.plusMonths(month)));
            }
        }
        for (int a = 0; a < 4; a++) {
            add(new ReferralRecorded(PLAN, action(a), "r" + a, d("2013-05-01"), "Police", "S", "Repeat victim", d("2013-05-01")));
            add(new ReferralClosed(PLAN, action(a), "r" + a, "Closed", 1_000, d("2013-06-01")));
            add(new FundingAllocated(PLAN, action(a), "f" + a, 5_000, "PCC", new FinancialYear(2013), d("2013-06-01")));
        }
        List<RecordedEvent> version = List.copyOf(journal);
        FoldParts parts = new FoldParts(version);
        assertThat(parts.carriesForward(d("2013-08-01"), null, d("2014-02-01"), null)).isTrue();
        assertThat(parts.carriesForward(d("2013-04-01"), null, d("2014-02-01"), null))
                .as("a referral case dated in between is recorded after later notes, in another part: still").isTrue();

        add(new RagAssessed(PLAN, action(0), RagStatus.RED, "Behind", d("2014-01-01")));
        add(new RagAssessed(PLAN, action(0), RagStatus.GREEN, "Backdated", d("2013-09-01")));
        parts = new FoldParts(List.copyOf(journal));
        assertThat(parts.carriesForward(d("2013-10-01"), null, d("2014-02-01"), null)).isFalse();
        assertThat(parts.carriesForward(d("2014-01-01"), null, d("2014-02-01"), null)).isTrue();
    }

    private void structure(int actions) {
        structure(actions, true);
    }

    /** @param someAddedLate every third action added ten months after the plan starts */
    private void structure(int actions, boolean someAddedLate) {
        add(new PlanDrafted(PLAN, "Test CSP", "Plan", START, d("2016-03-31"), Cadence.QUARTERLY, START));
        add(new PriorityAdded(PLAN, PLAN + "-p0", "Priority", List.of("Council"), START));
        add(new ObjectiveAdded(PLAN, PLAN + "-p0", PLAN + "-o0", "Objective", List.of("Fewer victims"), START));
        for (int a = 0; a < actions; a++) {
            add(new ActionAdded(PLAN, PLAN + "-o0", action(a), "Action " + a, List.of(), List.of(), List.of(), List.of(),
                    List.of(), START, null, List.of(), START.plusMonths(someAddedLate && a % 3 == 2 ? 10 : 0)));
        }
    }

    /** Events mostly in effective order, some backdated, some dated ahead, on eight actions and the plan. */
    private void randomEvents(Random random, int count, boolean appendedLater) {
        for (int n = 0; n < count; n++) {
            String action = action(random.nextInt(9)); // the ninth action is never added: its events are dropped
            LocalDate on = START.plusDays(random.nextInt(1_100));
            if (appendedLater && random.nextBoolean()) {
                on = START.plusDays(random.nextInt(200)); // backdated, recorded now
            }
            String id = "x" + nextSequence;
            add(switch (random.nextInt(12)) {
                case 0, 1, 2 -> new ProgressRecorded(PLAN, action, id, "p", "Note " + id, null, null, on);
                case 3, 4 -> new RagAssessed(PLAN, action, RagStatus.values()[random.nextInt(3)], "Review " + id, on);
                case 5 -> new ReferralRecorded(PLAN, action, "r" + random.nextInt(6), on, "Police", "S-" + id, "Repeat victim", on);
                case 6 -> new ReferralAccepted(PLAN, action, "r" + random.nextInt(6), on);
                case 7 -> new ReferralClosed(PLAN, action, "r" + random.nextInt(6), "Closed", 1_000, on);
                case 8 -> new FundingAllocated(PLAN, action, id, 5_000, "PCC", new FinancialYear(2013 + random.nextInt(3)), on);
                case 9 -> random.nextBoolean()
                        ? new ActionCompleted(PLAN, action, "Done", on) : new ActionReopened(PLAN, action, "Again", on);
                case 10 -> random.nextBoolean()
                        ? new RiskIdentified(PLAN, action, "k" + random.nextInt(2), "Funding", 3, 4, "Manager", "Bid", on)
                        : new ProgressNoteWithdrawn(PLAN, action, "x" + random.nextInt((int) nextSequence + 1), "Wrong", on);
                default -> new BoardMeetingRecorded(PLAN, "m" + random.nextInt(4), on, "Board " + id, on);
            });
        }
    }

    /** An event the store committed late: the journal places it at its own, lower, position. */
    private void commitLateInTheMiddle(Random random) {
        int at = journal.size() / 2 + random.nextInt(journal.size() / 4);
        RecordedEvent before = journal.get(at);
        journal.add(at, new RecordedEvent(before.sequence(), "late-" + at, null, null, null, before.recordedAt(), AUDIT,
                new RagAssessed(PLAN, action(1), RagStatus.AMBER, "Committed late", START.plusDays(random.nextInt(1_100)))));
    }

    private void add(PlanLedgerEvent event) {
        recordedAt = recordedAt.plusSeconds(3_600);
        journal.add(RecordedEvent.of(nextSequence++, event, AUDIT, recordedAt));
    }

    private static String action(int number) {
        return PLAN + "-a" + number;
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
