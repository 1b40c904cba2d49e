package org.planledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.DiffPlan;
import org.planledger.query.api.FindPlanAsAt;
import org.planledger.query.api.PlanDiff;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times FindPlanAsAt and DiffPlan for a plan of 50 actions with 18 notes each (and a RAG rating
 * every third note), over the embedded wire server. Prints medians; asserts only that answers came.
 */
class PlanReplayTimingTest {

    private static final int ACTIONS = 50;
    private static final int NOTES = 18;
    private static final int RUNS = 15;

    @Test
    void time_as_at_and_diff_for_50_actions_with_18_notes_each() {
        try (TestLedger ledger = new TestLedger()) {
            List<EventMessage<?>> messages = bigPlan();
            long feedStart = System.nanoTime();
            TestLedger.feed(ledger.model.journal(), messages, 250);
            long feedMillis = (System.nanoTime() - feedStart) / 1_000_000;
            var replay = ledger.model.planReplay();

            FindPlanAsAt asAt = new FindPlanAsAt("big", LocalDate.parse("2014-06-30"), null);
            DiffPlan diff = new DiffPlan("big", LocalDate.parse("2013-04-01"), LocalDate.parse("2014-03-31"));
            double asAtMedian = median(() -> replay.handle(asAt).orElseThrow());
            double diffMedian = median(() -> replay.handle(diff).orElseThrow());

            BoardView board = replay.handle(asAt).orElseThrow();
            PlanDiff changes = replay.handle(diff).orElseThrow();
            assertThat(board.priorities().get(0).objectives().get(0).actions()).hasSize(ACTIONS);
            System.out.printf("TIMING journal events=%d (fed to the journal in batches of 250 in %d ms)%n", messages.size(), feedMillis);
            System.out.printf("TIMING FindPlanAsAt median of %d runs: %.1f ms%n", RUNS, asAtMedian);
            System.out.printf("TIMING DiffPlan median of %d runs: %.1f ms (%d changes)%n", RUNS, diffMedian, changes.changes().size());
        }
    }

    private static double median(Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get(); // warm up the JIT and the connection pool
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        return millis.get(RUNS / 2);
    }

    private static List<EventMessage<?>> bigPlan() {
        TestLedger.Events e = new TestLedger.Events();
        LocalDate start = LocalDate.parse("2012-04-01");
        e.add(new PlanDrafted("big", "CSP", "Big plan", LocalDate.parse("2013-04-01"), LocalDate.parse("2016-03-31"),
                Cadence.BI_MONTHLY, start));
        e.add(new PriorityAdded("big", "p", "Priority", List.of(), start));
        e.add(new ObjectiveAdded("big", "p", "o", "Objective", List.of(), start));
        for (int a = 0; a < ACTIONS; a++) {
            e.add(new ActionAdded("big", "o", "a" + a, "Action " + a, List.of("output"), List.of(), List.of(),
                    List.of(new Lead("Lead " + a, "Org", "user" + (a % 5))), List.of(), start, LocalDate.parse("2015-03-31"),
                    List.of(), start));
        }
        RagStatus[] colours = RagStatus.values();
        for (int n = 0; n < NOTES; n++) {
            YearMonth month = YearMonth.of(2012, 6).plusMonths(2L * n);
            for (int a = 0; a < ACTIONS; a++) {
                e.add(new ProgressRecorded("big", "a" + a, "a" + a + "-n" + n, month.toString(),
                        "Progress note " + n + " for action " + a + ": work continues with partners as planned.",
                        month.atDay(1)));
                if (n % 3 == 2) {
                    e.add(new RagAssessed("big", "a" + a, colours[(a + n) % 3], "Review " + n, month.atDay(1)));
                }
            }
        }
        return e.messages();
    }
}
