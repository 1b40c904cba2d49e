package org.planledger.query.plan;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.BoardMember;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.replay.PlanReplayQueries;
import org.planledger.query.support.AuditInfo;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Governance over time: who sat on the partnership's board on the date viewed. */
class MembersTest {

    private static final String PLAN = "kettering-2013";
    private final List<RecordedEvent> journal = new ArrayList<>();

    @Test
    void the_board_lists_members_as_at_the_date_viewed_and_not_one_who_had_left() {
        record(new PlanDrafted(PLAN, "Kettering CSP", "Plan", d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY, d("2013-04-01")));
        record(new PlanMemberRecorded(PLAN, "chair", "Ann Lee", "Kettering Borough Council", "Chair", d("2013-04-01"), null, d("2013-04-01")));
        record(new PlanMemberRecorded(PLAN, "police", "Insp. Ray Ward", "Northamptonshire Police", null, d("2013-04-01"), null, d("2013-04-01")));
        record(new PlanMemberRecorded(PLAN, "police", "Insp. Ray Ward", "Northamptonshire Police", null, d("2013-04-01"), d("2014-09-30"), d("2014-09-30")));
        record(new PlanMemberRecorded(PLAN, "police-2", "Insp. Sam Cole", "Northamptonshire Police", null, d("2014-10-01"), null, d("2014-10-01")));

        assertThat(membersOn(d("2014-06-01"))).extracting(BoardMember::memberId).containsExactly("chair", "police");
        assertThat(membersOn(d("2014-09-30"))).extracting(BoardMember::memberId).containsExactly("chair", "police");
        assertThat(membersOn(d("2014-12-01"))).extracting(BoardMember::memberId).containsExactly("chair", "police-2");
        assertThat(PlanReducer.fold(PLAN, journal).members()).hasSize(3);
    }

    private List<BoardMember> membersOn(LocalDate date) {
        return BoardRenderer.render(PlanReplayQueries.foldAsAt(PLAN, journal, date, null), date, null).members();
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
