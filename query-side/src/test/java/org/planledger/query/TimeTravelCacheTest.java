package org.planledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.*;
import org.planledger.query.replay.PlanReplayQueries;
import org.planledger.query.replay.TimeTravelCaches;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planledger.query.KetteringScenario.*;

/**
 * The time-travel queries keep decoded journals and folded plan states between calls. Whatever is
 * journalled after a query (a note effective today, a note backdated before the date asked about,
 * an event the store committed late and the journal places in the middle), the next answer must be
 * the one a replay without any kept state gives on the same journal; and "as known at" an instant
 * must keep ignoring what was recorded after it.
 */
class TimeTravelCacheTest {

    private static final LocalDate AS_AT = LocalDate.parse("2013-12-31");
    /** After the scenario's last event (2014-05-01) and before anything this test appends. */
    private static final Instant KNOWN_AT = Instant.parse("2014-06-01T00:00:00Z");

    private static List<Object> answers(PlanReplayQueries replay, String plan) {
        return List.of(
                replay.handle(new FindPlanAsAt(plan, AS_AT, null)),
                replay.handle(new FindPlanAsAt(plan, AS_AT, KNOWN_AT)),
                replay.handle(new FindPlanAsAt(plan, LocalDate.parse("2016-03-31"), null)),
                replay.handle(new DiffPlan(plan, LocalDate.parse("2013-04-01"), AS_AT)),
                // dates that select the same events as the ones above: one kept state, each answer its own date
                replay.handle(new FindPlanAsAt(plan, LocalDate.parse("2014-01-09"), null)),
                replay.handle(new FindPlanAsAt(plan, LocalDate.parse("2014-01-08"), Instant.parse("2014-04-30T00:00:00Z"))),
                replay.handle(new DiffPlan(plan, LocalDate.parse("2013-04-02"), LocalDate.parse("2014-01-09"))),
                replay.handle(new FindPlanTimeline(plan)));
    }

    @Test
    void answers_after_appended_and_backdated_events_are_those_of_a_replay_from_scratch() {
        try (TestLedger ledger = new TestLedger()) {
            PlanReplayQueries cached = ledger.model.planReplay();
            PlanReplayQueries fresh = new PlanReplayQueries(ledger.database, TimeTravelCaches.NONE);
            TestLedger.Events events = KetteringScenario.events();
            List<EventMessage<?>> scenario = events.messages();
            ledger.feed(scenario, 7);
            List<Object> before = answers(cached, PLAN);
            assertThat(before).isEqualTo(answers(fresh, PLAN));
            assertThat(answers(cached, PLAN)).isEqualTo(before); // answered from what was kept

            // a note effective after the date, and one backdated to before it, both recorded later
            events.as("lead1", "DELIVERY_LEAD");
            events.add(new ProgressRecorded(PLAN, A1, "n5", "2014-06", "Scheme extended to Wicksteed ward", d("2014-06-20")),
                    "2014-06-20T10:00:00Z");
            events.add(new ProgressRecorded(PLAN, A1, "n6", "2013-10", "Backdated: 30 homes secured in October", d("2013-10-15")),
                    "2014-06-21T10:00:00Z");
            events.add(new RagAssessed(PLAN, A1, RagStatus.GREEN, "Backdated review", d("2013-12-01")), "2014-06-21T10:05:00Z");
            List<EventMessage<?>> all = events.messages();
            ledger.feed(all.subList(scenario.size(), all.size()), 2);

            List<Object> after = answers(cached, PLAN);
            assertThat(after).isEqualTo(answers(fresh, PLAN));
            assertThat(after.get(0)).as("the backdated note and rating show as at the date").isNotEqualTo(before.get(0));
            assertThat(after.get(1)).as("as known before they were recorded, they do not").isEqualTo(before.get(1));
            BoardView asAt = ((java.util.Optional<BoardView>) after.get(0)).orElseThrow();
            assertThat(asAt.priorities().stream().flatMap(p -> p.objectives().stream()).flatMap(o -> o.actions().stream())
                    .filter(a -> a.actionId().equals(A1)).findFirst().orElseThrow().rag()).isEqualTo(RagStatus.GREEN);
        }
    }

    @Test
    void an_event_committed_late_lands_in_the_middle_and_the_kept_states_are_folded_again() {
        TestLedger.Events builder = new TestLedger.Events().startingAt(1)
                .add(new PlanDrafted("late-plan", "Test CSP", "Plan", d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY,
                        d("2013-04-01")))
                .add(new PriorityAdded("late-plan", "asb", "Anti-social behaviour", List.of("Council"), d("2013-04-01")))
                .add(new ObjectiveAdded("late-plan", "asb", "obj-1", "Reduce ASB", List.of("Fewer incidents"), d("2013-04-01")))
                .add(action("a1", JO))
                .add(action("a2", SAM))
                .add(new RagAssessed("late-plan", "a1", RagStatus.AMBER, "Slow start", d("2013-06-01")))
                .add(new RagAssessed("late-plan", "a2", RagStatus.RED, "Committed late", d("2013-06-10")))   // 7: late
                .add(new ProgressRecorded("late-plan", "a1", "n1", "2013-06", "Scheme launched", d("2013-06-15")))
                .add(new RagAssessed("late-plan", "a1", RagStatus.GREEN, "On track", d("2013-07-01")))
                .add(new ProgressRecorded("late-plan", "a1", "n2", "2013-09", "Forty homes secured", d("2013-09-01")));
        List<EventMessage<?>> inOrder = builder.messages();
        List<EventMessage<?>> late = LateEventTest.lateSeven(inOrder);
        try (TestLedger ledger = new TestLedger(); TestLedger reference = new TestLedger()) {
            PlanReplayQueries cached = ledger.model.planReplay();
            TestLedger.feed(ledger.model.journal(), late.subList(0, 9), 3);
            List<Object> withoutSeven = answers(cached, "late-plan");

            TestLedger.feed(ledger.model.journal(), late.subList(9, 10), 1);
            TestLedger.feed(reference.model.journal(), inOrder, 10);

            List<Object> expected = answers(new PlanReplayQueries(reference.database, TimeTravelCaches.NONE), "late-plan");
            assertThat(answers(cached, "late-plan")).isEqualTo(expected).isNotEqualTo(withoutSeven);
        }
    }

    @Test
    void a_reset_journal_forgets_the_plan() {
        try (TestLedger ledger = new TestLedger()) {
            ledger.feed(KetteringScenario.events().messages(), 7);
            PlanReplayQueries cached = ledger.model.planReplay();
            assertThat(cached.handle(new FindPlanAsAt(PLAN, AS_AT, null))).isPresent();

            ledger.resetAll();

            assertThat(cached.handle(new FindPlanAsAt(PLAN, AS_AT, null))).isEmpty();
            assertThat(cached.handle(new DiffPlan(PLAN, LocalDate.parse("2013-04-01"), AS_AT))).isEmpty();
        }
    }

    private static ActionAdded action(String actionId, Lead lead) {
        return new ActionAdded("late-plan", "obj-1", actionId, "Action " + actionId, List.of(), List.of(), List.of(),
                List.of(lead), List.of(), d("2013-04-01"), d("2015-03-31"), List.of(), d("2013-04-01"));
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
