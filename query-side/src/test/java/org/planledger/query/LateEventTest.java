package org.planledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.*;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.AppliedEvents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Events the JDBC event store committed late: the gap-aware tracking token delivers them after
 * events with higher global sequences, and with the position of the highest (see
 * {@link #lateThenRedelivered}). For each projection and the journal, events 1..10 are delivered
 * with 7 held back and then delivered last; the read model must equal the one built from 1..10 in
 * order, and crash redeliveries must change nothing.
 *
 * <p>Event 7 is always from an aggregate none of 8..10 belongs to, as in the store: an aggregate's
 * next event is only written after its previous one committed, so only independent events swap.
 */
class LateEventTest {

    private static final String PLAN = "plan-late";
    private static final String A1 = "a1";
    private static final String A2 = "a2";
    private static final String A3 = "a3";
    private static final Lead LEAD1 = new Lead("Jo Smith", "Police", "lead1");
    private static final Lead LEAD2 = new Lead("Sam Patel", "Council", "lead2");
    private static final Lead LEAD3 = new Lead("Kim Lee", "Fire and Rescue", "lead3");

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static TestLedger.Events events() {
        return new TestLedger.Events().startingAt(1);
    }

    private static ActionAdded actionAdded(String actionId, String title, Lead lead) {
        return new ActionAdded(PLAN, "obj-1", actionId, title, List.of(), List.of(), List.of(), List.of(lead), List.of(),
                d("2013-04-01"), d("2015-03-31"), List.of(), d("2013-04-01"));
    }

    private static PlanDrafted planDrafted() {
        return new PlanDrafted(PLAN, "Test CSP", "Plan with late events", d("2013-04-01"), d("2016-03-31"),
                Cadence.QUARTERLY, d("2013-04-01"));
    }

    /**
     * Feeds one projection 1..10 in order on one server, and on another 1..6, 8..10 then 7 the way
     * Axon's JDBC store and gap-aware token deliver them: 8..10 with 7 as a gap, then 7 carrying
     * the token of the moment it was read, whose position is 10 (the same as event 10's). The two
     * read models must be equal. Then two crash redeliveries must change nothing: 5..10 in order
     * (from a token stored before 7 was a gap) and 7 alone again (from a token stored with the gap).
     * {@code check} runs on the late-fed model after each step.
     */
    private static void lateThenRedelivered(Function<QuerySideModel, Object> projection, List<EventMessage<?>> messages,
                                            Consumer<TestLedger> check) {
        assertThat(messages).hasSize(10);
        assertThat(messages).extracting(m -> ((TrackedEventMessage<?>) m)
                .trackingToken().position().orElseThrow()).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        List<EventMessage<?>> lateOrder = lateSeven(messages);
        EventMessage<?> lateSeven = lateOrder.get(9);
        assertThat(((TrackedEventMessage<?>) lateSeven).trackingToken().position()).hasValue(10L);

        try (TestLedger inOrder = new TestLedger(); TestLedger late = new TestLedger()) {
            TestLedger.feed(projection.apply(inOrder.model), messages, 3);

            TestLedger.feed(projection.apply(late.model), lateOrder.subList(0, 9), 3);
            TestLedger.feed(projection.apply(late.model), List.of(lateSeven), 1);

            Map<String, List<Document>> expected = inOrder.snapshot();
            assertThat(expected.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());
            assertThat(late.snapshot()).isEqualTo(expected);
            check.accept(late);

            // a crash after 10 was applied but before the token was stored: 5..10 come again
            TestLedger.feed(projection.apply(late.model), messages.subList(4, 10), 6);
            TestLedger.feed(projection.apply(late.model), List.of(lateSeven), 1);
            assertThat(late.snapshot()).isEqualTo(expected);
            check.accept(late);
        }
    }

    /** 1..6, 8..10 with 7 a gap in their tokens, then 7 with the token {index 10, no gaps}. */
    static List<EventMessage<?>> lateSeven(List<EventMessage<?>> messages) {
        List<EventMessage<?>> result = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i == 6) {
                continue;
            }
            TrackedEventMessage<?> message = (TrackedEventMessage<?>) messages.get(i);
            result.add(i < 6 ? message : message.withTrackingToken(GapAwareTrackingToken.newInstance(i + 1, List.of(7L))));
        }
        result.add(((TrackedEventMessage<?>) messages.get(6)).withTrackingToken(GapAwareTrackingToken.newInstance(10, List.of())));
        return result;
    }

    private static Map<String, Long> applied(TestLedger ledger, String collection, String id) {
        Document document = ledger.database.getCollection(collection).find(new Document("_id", id)).first();
        assertThat(document).isNotNull();
        return AppliedEvents.read(document);
    }

    /** A plan, a priority, an objective, two actions and A1's work; {@code lateA2} is event 7, from A2. */
    private static List<EventMessage<?>> twoActionPlan(PlanLedgerEvent lateA2) {
        return events()
                .add(planDrafted())                                                                              // 1
                .add(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of("Council"), d("2013-04-01")))  // 2
                .add(new ObjectiveAdded(PLAN, "asb", "obj-1", "Reduce ASB", List.of("Fewer incidents"), d("2013-04-01"))) // 3
                .add(actionAdded(A1, "Target hardening", LEAD1))                                                  // 4
                .add(actionAdded(A2, "Diversionary activities", LEAD2))                                           // 5
                .add(new ProgressRecorded(PLAN, A1, "n1", "2013-06", "Scheme launched", d("2013-06-01")))         // 6
                .add(lateA2)                                                                                      // 7: late
                .add(new RagAssessed(PLAN, A1, RagStatus.GREEN, "On track", d("2013-06-15")))                     // 8
                .add(new SpendRecorded(PLAN, A1, "s1", 120_000L, "Locks", new FinancialYear(2013), d("2013-07-01"))) // 9
                .add(new ProgressRecorded(PLAN, A1, "n3", "2013-09", "Forty homes secured", d("2013-09-01")))     // 10
                .messages();
    }

    @Test
    void board_folds_a_late_note_from_another_action_and_ignores_redelivery() {
        List<EventMessage<?>> messages = twoActionPlan(
                new ProgressRecorded(PLAN, A2, "n2", "2013-06", "First sessions held", d("2013-06-01")));

        lateThenRedelivered(QuerySideModel::board, messages, ledger -> {
            PlanView view = ledger.model.board().findPlan(PLAN).orElseThrow();
            ActionView a2 = view.action(A2).orElseThrow();
            assertThat(a2.notes()).extracting(NoteView::noteId).containsExactly("n2");
            assertThat(a2.latestNote().orElseThrow().text()).isEqualTo("First sessions held");
            ActionView a1 = view.action(A1).orElseThrow();
            assertThat(a1.notes()).extracting(NoteView::noteId).containsExactly("n1", "n3");
            assertThat(a1.totalsFor(new FinancialYear(2013)).spendPence()).isEqualTo(120_000L);
            assertThat(applied(ledger, "board", PLAN)).isEqualTo(Map.of(PLAN, 2L, A1, 4L, A2, 1L));
            BoardView board = ledger.model.board().handle(new FindBoardView(PLAN)).orElseThrow();
            assertThat(board.rag()).isEqualTo(new RagCounts(0, 0, 1, 1));
        });
    }

    @Test
    void journal_keeps_a_late_event_exactly_once_and_the_audit_trail_shows_its_change() {
        List<EventMessage<?>> messages = twoActionPlan(
                new RagAssessed(PLAN, A2, RagStatus.AMBER, "Venue lost", d("2013-06-02")));
        List<EventMessage<?>> lateOrder = lateSeven(messages);

        try (TestLedger ledger = new TestLedger()) {
            Object journal = ledger.model.journal();
            TestLedger.feed(journal, lateOrder.subList(0, 9), 3);
            TestLedger.feed(journal, lateOrder.subList(9, 10), 1);
            // crash redeliveries: 5..10 in order, then 7 alone as it came the first time
            TestLedger.feed(journal, messages.subList(4, 10), 6);
            TestLedger.feed(journal, lateOrder.subList(9, 10), 1);

            List<org.planledger.query.support.RecordedEvent> journaled =
                    new org.planledger.query.journal.JournalReader(ledger.database).planEvents(PLAN).orElseThrow();
            // every event once, at its own global index: 7 between 6 and 8, as a replay would put it
            assertThat(journaled).extracting(org.planledger.query.support.RecordedEvent::eventId)
                    .containsExactlyElementsOf(messages.stream().map(EventMessage::getIdentifier).toList());
            assertThat(journaled).extracting(org.planledger.query.support.RecordedEvent::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

            AuditTrailPage trail = ledger.model.auditTrail().handle(new FindAuditTrail(AuditFilter.forPlan(PLAN), 0, 50));
            assertThat(trail.total()).isEqualTo(10);
            AuditEntry late = trail.entries().stream().filter(e -> e.aggregateId().equals(A2) && e.type().equals("RagAssessed"))
                    .findFirst().orElseThrow();
            assertThat(late.changes()).extracting(FieldChange::field, FieldChange::before, FieldChange::after)
                    .contains(tuple("rag", null, "AMBER"));
            assertThat(trail.entries()).extracting(AuditEntry::sequence).as("newest first, by global index")
                    .containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        }
    }

    /**
     * After a restart the journal has no previous token to compare with, and the first event it is
     * given may be a late one, carrying a higher index than its own (the crash test met this: two
     * audit entries swapped). It then asks the store for the event's index.
     */
    @Test
    void journal_asks_the_store_where_a_late_event_that_comes_first_after_a_restart_belongs() {
        List<EventMessage<?>> messages = twoActionPlan(
                new RagAssessed(PLAN, A2, RagStatus.AMBER, "Venue lost", d("2013-06-02")));
        List<EventMessage<?>> lateOrder = lateSeven(messages);
        Map<String, Long> store = new java.util.HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            store.put(messages.get(i).getIdentifier(), i + 1L);
        }
        org.planledger.query.journal.EventPositions positions = id -> store.containsKey(id)
                ? java.util.OptionalLong.of(store.get(id)) : java.util.OptionalLong.empty();

        try (TestLedger ledger = new TestLedger()) {
            TestLedger.feed(new org.planledger.query.journal.JournalProjection(ledger.database, positions),
                    lateOrder.subList(0, 9), 3);
            // the process restarts: a new projection instance, and 7 is the first event it sees
            TestLedger.feed(new org.planledger.query.journal.JournalProjection(ledger.database, positions),
                    lateOrder.subList(9, 10), 1);

            List<org.planledger.query.support.RecordedEvent> journaled =
                    new org.planledger.query.journal.JournalReader(ledger.database).planEvents(PLAN).orElseThrow();
            assertThat(journaled).extracting(org.planledger.query.support.RecordedEvent::sequence)
                    .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            AuditTrailPage trail = ledger.model.auditTrail().handle(new FindAuditTrail(AuditFilter.forPlan(PLAN), 0, 50));
            assertThat(trail.entries()).extracting(AuditEntry::sequence)
                    .containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        }
    }

    @Test
    void action_history_takes_a_late_referral_decision_and_ignores_redelivery() {
        List<EventMessage<?>> messages = events()
                .add(actionAdded(A1, "Target hardening", LEAD1))                                                     // 1
                .add(new ProgressRecorded(PLAN, A1, "n1", "2013-06", "Scheme launched", d("2013-06-01")))            // 2
                .add(new RagAssessed(PLAN, A1, RagStatus.AMBER, "Bid pending", d("2013-06-01")))                     // 3
                .add(new ReferralRecorded(PLAN, A1, "r1", d("2013-06-10"), "Police", "subj-1", null, d("2013-06-10"))) // 4
                .add(new ReferralRecorded(PLAN, A1, "r2", d("2013-06-11"), "Housing", "subj-2", null, d("2013-06-11"))) // 5
                .add(new FundingAllocated(PLAN, A1, "f1", 1_770_000L, "PCC", new FinancialYear(2013), d("2013-06-20"))) // 6
                .add(new ReferralAccepted(PLAN, A1, "r1", d("2013-06-21")))                                          // 7: late
                .add(new ReferralDeclined(PLAN, A1, "r2", "Outside the borough", d("2013-06-22")))                   // 8
                .add(new RagAssessed(PLAN, A1, RagStatus.GREEN, "Funded", d("2013-06-25")))                          // 9
                .add(new SpendRecorded(PLAN, A1, "s1", 500_000L, "Locks", new FinancialYear(2013), d("2013-07-01"))) // 10
                .messages();

        lateThenRedelivered(QuerySideModel::actionHistory, messages, ledger -> {
            ActionHistory history = ledger.model.actionHistory().handle(new FindActionHistory(A1)).orElseThrow();
            assertThat(history.referrals()).extracting(ReferralCaseEntry::referralId, ReferralCaseEntry::status)
                    .containsExactly(tuple("r1", ReferralStatus.ACCEPTED), tuple("r2", ReferralStatus.DECLINED));
            assertThat(history.ragHistory()).extracting(RagChange::rag).containsExactly(RagStatus.AMBER, RagStatus.GREEN);
            assertThat(history.funding()).hasSize(1);
            assertThat(history.spend()).hasSize(1);
            assertThat(history.notes()).hasSize(1);
            assertThat(applied(ledger, "action_history", A1)).isEqualTo(Map.of(A1, 5L, "r1", 1L, "r2", 1L));
        });
    }

    @Test
    void referral_statistics_count_a_late_closure_once() {
        List<EventMessage<?>> messages = events()
                .add(planDrafted())                                                                                  // 1
                .add(actionAdded(A1, "Target hardening", LEAD1))                                                     // 2
                .add(actionAdded(A2, "Guard camera loans", LEAD2))                                                   // 3
                .add(new ReferralRecorded(PLAN, A1, "r1", d("2013-05-10"), "Police", "subj-1", null, d("2013-05-10"))) // 4
                .add(new ReferralRecorded(PLAN, A2, "r2", d("2013-05-11"), "Housing", "subj-2", null, d("2013-05-11"))) // 5
                .add(new ReferralAccepted(PLAN, A1, "r1", d("2013-05-12")))                                          // 6
                .add(new ReferralClosed(PLAN, A1, "r1", "Locks fitted", 15_000L, d("2013-07-20")))                   // 7: late
                .add(new ReferralsTallied(PLAN, A2, "t1", d("2013-04-01"), d("2013-04-30"), 10, 50_000L,
                        "April before case recording began", d("2013-04-30")))                                       // 8
                .add(new ReferralAccepted(PLAN, A2, "r2", d("2013-05-20")))                                          // 9
                .add(new ReferralClosed(PLAN, A2, "r2", "Camera loaned", 20_000L, d("2013-08-01")))                  // 10
                .messages();

        // the figures are read from the board's plan fold, which the late closure reaches once
        lateThenRedelivered(QuerySideModel::board, messages, ledger -> {
            ReferralStatistics year = ledger.model.referralStatistics()
                    .handle(new FindReferralStatistics(PLAN, new FinancialYear(2013))).orElseThrow();
            assertThat(year.actions()).extracting(ActionReferralStatistics::actionId, a -> a.counts().received(),
                    a -> a.counts().accepted(), a -> a.counts().closed(), a -> a.counts().totalCostPence()).containsExactly(
                    tuple(A1, 1, 1, 1, 15_000L), tuple(A2, 11, 1, 1, 70_000L));
            assertThat(year.total()).isEqualTo(new ReferralCounts(12, 2, 0, 2, 10, 85_000L, 85_000L / 12));
            assertThat(applied(ledger, "board", PLAN)).isEqualTo(Map.of(PLAN, 0L, A1, 0L, A2, 1L, "r1", 2L, "r2", 2L));
        });
    }

    @Test
    void referral_statistics_keep_a_late_title_revision_in_place() {
        List<EventMessage<?>> messages = events()
                .add(planDrafted())                                                                                  // 1
                .add(actionAdded(A1, "Target hardening", LEAD1))                                                     // 2
                .add(actionAdded(A2, "Guard camera loans", LEAD2))                                                   // 3
                .add(new ReferralRecorded(PLAN, A1, "r1", d("2013-05-10"), "Police", "subj-1", null, d("2013-05-10"))) // 4
                .add(new ReferralRecorded(PLAN, A2, "r2", d("2013-05-11"), "Housing", "subj-2", null, d("2013-05-11"))) // 5
                .add(new ReferralAccepted(PLAN, A1, "r1", d("2013-05-12")))                                          // 6
                .add(new ActionDetailsRevised(PLAN, A1, "Target hardening for repeat victims", List.of(), List.of(),
                        List.of(), List.of(), List.of(), "Clearer title", d("2013-05-15")))                          // 7: late
                .add(actionAdded(A3, "Street wardens", LEAD3))                                                       // 8
                .add(new ReferralAccepted(PLAN, A2, "r2", d("2013-05-20")))                                          // 9
                .add(new ReferralRecorded(PLAN, A3, "r3", d("2013-06-01"), "Police", "subj-3", null, d("2013-06-01"))) // 10
                .messages();

        lateThenRedelivered(QuerySideModel::board, messages, ledger -> {
            ReferralStatistics year = ledger.model.referralStatistics()
                    .handle(new FindReferralStatistics(PLAN, new FinancialYear(2013))).orElseThrow();
            assertThat(year.actions()).extracting(ActionReferralStatistics::actionId, ActionReferralStatistics::title)
                    .containsExactly(tuple(A1, "Target hardening for repeat victims"), tuple(A2, "Guard camera loans"),
                            tuple(A3, "Street wardens"));
            assertThat(year.total().received()).isEqualTo(3);
            assertThat(year.total().accepted()).isEqualTo(2);
            assertThat(ledger.model.board().findPlan(PLAN).orElseThrow().actions()).extracting(ActionView::actionId)
                    .containsExactly(A1, A2, A3);
            assertThat(applied(ledger, "board", PLAN)).isEqualTo(Map.of(PLAN, 0L, A1, 1L, A2, 0L, A3, 0L, "r1", 1L, "r2", 1L, "r3", 0L));
        });
    }

    @Test
    void my_actions_take_a_late_lead_change_and_ignore_redelivery() {
        List<EventMessage<?>> messages = events()
                .add(planDrafted())                                                                                  // 1
                .add(actionAdded(A1, "Target hardening", LEAD1))                                                     // 2
                .add(actionAdded(A2, "Guard camera loans", LEAD2))                                                   // 3
                .add(new ProgressRecorded(PLAN, A1, "n1", "2013-06", "Scheme launched", d("2013-06-01")))            // 4
                .add(new ActionLeadsChanged(PLAN, A2, List.of(LEAD2, LEAD3), "Fire joins", d("2013-06-02")))         // 5
                .add(new ProgressRecorded(PLAN, A2, "n2", "2013-06", "First loans", d("2013-06-03")))                // 6
                .add(new ActionLeadsChanged(PLAN, A1, List.of(LEAD1, LEAD3), "Fire joins", d("2013-06-04")))         // 7: late
                .add(actionAdded(A3, "Street wardens", LEAD3))                                                       // 8
                .add(new ProgressRecorded(PLAN, A2, "n3", "2013-09", "Twenty cameras loaned", d("2013-09-01")))      // 9
                .add(new ProgressNoteWithdrawn(PLAN, A2, "n3", "Wrong quarter", d("2013-09-05")))                    // 10
                .messages();

        // read from the board's plan fold: the lead ids stored with it and the actions' notes
        lateThenRedelivered(QuerySideModel::board, messages, ledger -> {
            MyActions lead3 = ledger.model.myActions().handle(new FindMyActions("lead3"));
            assertThat(lead3.actions()).extracting(MyAction::actionId, MyAction::lastNoteOn).containsExactlyInAnyOrder(
                    tuple(A1, d("2013-06-01")), tuple(A2, d("2013-06-03")), tuple(A3, null));
            Document board = ledger.database.getCollection("board").find(new Document("_id", PLAN)).first();
            assertThat(board.getList("leadUserIds", String.class)).containsExactly("lead1", "lead2", "lead3");
            assertThat(ledger.model.myActions().handle(new FindMyActions("lead1")).actions())
                    .extracting(MyAction::actionId).containsExactly(A1);
            assertThat(applied(ledger, "board", PLAN)).isEqualTo(Map.of(PLAN, 0L, A1, 2L, A2, 4L, A3, 0L));
        });
    }
}
