package org.planledger.query.replay;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.DiffChange;
import org.planledger.query.api.DiffPlan;
import org.planledger.query.api.PlanDiff;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meeting to meeting as the board knew it: a note about June, written in September, is news at the
 * September meeting, though by its effective date it falls before the June meeting. Without
 * knownFrom/knownTo the comparison stays by effective date alone, as before.
 */
class KnownDiffTest {

    private static final String PLAN = "example-2024";
    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void a_note_written_late_is_news_at_the_next_meeting_when_compared_as_known() {
        at("2024-05-20T10:00:00Z", new PlanDrafted(PLAN, "Example CSP", "Plan", d("2024-04-01"), d("2027-03-31"),
                Cadence.QUARTERLY, d("2024-04-01")));
        at("2024-05-20T10:01:00Z", new PriorityAdded(PLAN, "v", "Violence", List.of(), d("2024-04-01")));
        at("2024-05-20T10:02:00Z", new ObjectiveAdded(PLAN, "v", "v-1", "Night-time economy", List.of(), d("2024-04-01")));
        at("2024-05-20T10:03:00Z", new ActionAdded(PLAN, "v-1", "cctv", "CCTV bid", List.of(), List.of(), List.of(),
                List.of(new Lead("Jo Smith", null, "lead1")), List.of(), d("2024-04-01"), null, List.of(), d("2024-04-01")));
        at("2024-05-21T10:00:00Z", new ProgressRecorded(PLAN, "cctv", "n1", "2024-05", "Bid submitted", null, null, d("2024-05-01")));
        at("2024-09-10T10:00:00Z", new ProgressRecorded(PLAN, "cctv", "n2", "2024-06", "Bid successful", null, null, d("2024-06-01")));

        LocalDate june = d("2024-06-27");
        LocalDate september = d("2024-09-26");
        PlanDiff byDate = PlanReplayQueries.diff(new DiffPlan(PLAN, june, september), journal);
        PlanDiff asKnown = PlanReplayQueries.diff(new DiffPlan(PLAN, june, september,
                Instant.parse("2024-06-27T23:00:00Z"), Instant.parse("2024-09-26T23:00:00Z")), journal);

        assertThat(byDate.changes()).as("by effective date the June note is old news").isEmpty();
        assertThat(asKnown.changes()).extracting(DiffChange::after).anyMatch(after -> after.contains("Bid successful"));
        assertThat(asKnown.changes()).extracting(DiffChange::after).noneMatch(after -> after != null && after.contains("Bid submitted"));
    }

    private void at(String recorded, PlanLedgerEvent event) {
        journal.add(RecordedEvent.of(journal.size(), event, new AuditInfo("lead1", List.of(), null, "ui", null, null),
                Instant.parse(recorded)));
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
