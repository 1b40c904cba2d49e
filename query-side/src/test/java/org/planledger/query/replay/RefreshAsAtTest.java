package org.planledger.query.replay;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.TimelinePoint;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh that changes the plan: the importer sends the structural commands with the refresh date
 * as their effectiveOn, all recorded on one day years later. "As at" a date before the refresh shows
 * the plan as it was; from the refresh on, the refreshed plan. The timeline names the refresh a
 * refresh, not a board meeting.
 */
class RefreshAsAtTest {

    private static final String PLAN = "kettering-2013";
    private static final LocalDate REFRESH = LocalDate.parse("2014-04-01");
    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void a_priority_added_and_one_reworded_at_the_refresh_show_only_from_the_refresh_date() {
        record(new PlanDrafted(PLAN, "Kettering CSP", "Community Safety Plan 2013-2016", d("2013-04-01"), d("2016-03-31"),
                Cadence.QUARTERLY, d("2013-04-01")));
        record(new PriorityAdded(PLAN, "asb", "Anti-social behaviour", List.of(), d("2013-04-01")));
        record(new BoardMeetingRecorded(PLAN, "board-2013-11", d("2013-11-21"), "November board", d("2013-11-21")));
        // the refresh, imported later: every structural change carries the refresh date
        record(new PlanRefreshed(PLAN, "refresh-2014", "2014/15 refresh", REFRESH));
        record(new PriorityAdded(PLAN, "cyber", "Cyber crime", List.of(), REFRESH));
        record(new PriorityRevised(PLAN, "asb", "Anti-social behaviour and nuisance", List.of(), REFRESH));

        PlanView dayBefore = PlanReplayQueries.foldAsAt(PLAN, journal, REFRESH.minusDays(1), null);
        PlanView onTheDay = PlanReplayQueries.foldAsAt(PLAN, journal, REFRESH, null);

        assertThat(dayBefore.priorities()).extracting(PriorityView::title).containsExactly("Anti-social behaviour");
        assertThat(dayBefore.refreshes()).isEmpty();
        assertThat(onTheDay.priorities()).extracting(PriorityView::title)
                .containsExactly("Anti-social behaviour and nuisance", "Cyber crime");

        assertThat(PlanReplayQueries.timeline(PLAN, journal).points())
                .extracting(TimelinePoint::kind, TimelinePoint::date)
                .containsExactly(org.assertj.core.api.Assertions.tuple("BOARD_MEETING", d("2013-11-21")),
                        org.assertj.core.api.Assertions.tuple("ANNUAL_REFRESH", REFRESH));
    }

    private void record(PlanLedgerEvent event) {
        long sequence = journal.size();
        journal.add(RecordedEvent.of(sequence, event, new AuditInfo("importer", List.of(), null, "import", null, null),
                Instant.parse("2016-01-01T09:00:00Z").plusSeconds(60 * sequence)));
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
