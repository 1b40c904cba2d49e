package org.planledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.board.BoardProjection;
import org.planledger.query.journal.JournalProjection;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.PlanView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild reads a batch's documents up front and writes the ones it found absent with inserts
 * (WriteBehind), and a reset drops the collections: none of that may change what a reader sees.
 * Two plans' events, interleaved, long enough that each plan's journal fills more than one bucket:
 * handled one at a time, in one large batch, and again after a reset in batches that end in the
 * middle of a bucket, the read models are the same documents, and a redelivered batch changes nothing.
 */
class BatchRebuildTest {

    private static final int NOTES_PER_PLAN = 230;

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static List<EventMessage<?>> twoPlans() {
        TestLedger.Events events = new TestLedger.Events().startingAt(1);
        for (String plan : List.of("plan-a", "plan-b")) {
            events.add(new PlanDrafted(plan, "Test CSP", "Plan " + plan, d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY,
                    d("2013-04-01")));
            events.add(new PriorityAdded(plan, "asb", "Anti-social behaviour", List.of("Council"), d("2013-04-01")));
            events.add(new ObjectiveAdded(plan, "asb", "obj-1", "Reduce ASB", List.of("Fewer incidents"), d("2013-04-01")));
            for (int a = 0; a < 3; a++) {
                events.add(new ActionAdded(plan, "obj-1", plan + "-act-" + a, "Action " + a, List.of(), List.of(), List.of(),
                        List.of(new Lead("Jo Smith", "Police", "lead1")), List.of(), d("2013-04-01"), d("2015-03-31"), List.of(),
                        d("2013-04-01")));
            }
        }
        for (int n = 0; n < NOTES_PER_PLAN; n++) {
            for (String plan : List.of("plan-a", "plan-b")) {
                events.add(new ProgressRecorded(plan, plan + "-act-" + (n % 3), "note-" + n, "2013-06", "Note " + n,
                        d("2013-06-01")));
            }
        }
        return events.messages();
    }

    @Test
    void read_models_rebuilt_in_batches_and_after_a_reset_equal_those_built_one_event_at_a_time() {
        List<EventMessage<?>> messages = twoPlans();
        try (TestLedger oneByOne = new TestLedger(); TestLedger batched = new TestLedger()) {
            oneByOne.feed(messages, 1);
            Map<String, List<Document>> expected = oneByOne.snapshot();
            assertThat(expected.get(JournalProjection.BUCKETS).size()).as("two plans of 236 events, three buckets each").isEqualTo(6);

            batched.feed(messages, 1_000);
            assertThat(batched.snapshot()).isEqualTo(expected);

            batched.resetAll();
            assertThat(batched.database.getCollection(BoardProjection.COLLECTION).countDocuments()).isZero();
            batched.feed(messages, 37);
            assertThat(batched.snapshot()).isEqualTo(expected);

            // a crash after the last batch was written but before its token was stored: it comes again
            batched.feed(messages.subList(messages.size() - 37, messages.size()), 37);
            assertThat(batched.snapshot()).isEqualTo(expected);

            PlanView board = batched.model.board().findPlan("plan-b").orElseThrow();
            assertThat(board.actions()).extracting(ActionView::notes).allSatisfy(notes -> assertThat(notes).isNotEmpty());
            assertThat(board.actions().stream().mapToInt(a -> a.notes().size()).sum()).isEqualTo(NOTES_PER_PLAN);
        }
    }
}
