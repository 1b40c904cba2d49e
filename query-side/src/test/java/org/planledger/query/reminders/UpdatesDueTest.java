package org.planledger.query.reminders;

import org.junit.jupiter.api.Test;
import org.planledger.events.*;
import org.planledger.query.api.FindUpdatesDue;
import org.planledger.query.api.UpdatesDue;
import org.planledger.query.board.UpdateDue;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.AuditInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder due-date rule on plain values, and the updates-due list from a folded plan. */
class UpdatesDueTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void withoutMeetingsAnUpdateIsDueOneCycleAfterTheLatestNoteOrTheStart() {
        assertThat(UpdateDue.reminderDue(d("2013-06-01"), d("2013-04-01"), Cadence.QUARTERLY, List.of(), 7))
                .isEqualTo(d("2013-09-01"));
        assertThat(UpdateDue.reminderDue(null, d("2013-04-01"), Cadence.BI_MONTHLY, List.of(), 7))
                .isEqualTo(d("2013-06-01"));
        assertThat(UpdateDue.reminderDue(null, null, Cadence.QUARTERLY, List.of(), 7)).isNull();
    }

    @Test
    void aMeetingBeforeTheCycleEndsBringsTheDueDateForwardByTheConfiguredDays() {
        List<LocalDate> meetings = List.of(d("2013-03-20"), d("2013-07-24"), d("2013-11-20"));
        // the meeting of 24 July, less 10 days, comes before 1 September
        assertThat(UpdateDue.reminderDue(d("2013-06-01"), null, Cadence.QUARTERLY, meetings, 10)).isEqualTo(d("2013-07-14"));
        // a meeting whose deadline is on or before the latest note is already answered by it
        assertThat(UpdateDue.reminderDue(d("2013-07-20"), null, Cadence.QUARTERLY, meetings, 10)).isEqualTo(d("2013-10-20"));
        // a negative number of days leaves meetings out: the cadence alone, as on the board
        assertThat(UpdateDue.reminderDue(d("2013-06-01"), null, Cadence.QUARTERLY, meetings, -1)).isEqualTo(d("2013-09-01"));
    }

    @Test
    void listsOpenStartedActionsDueOrOverdueWithLeadsPriorityLeadsAndRemindersSent() {
        Lead lead1 = new Lead("Jo Lead", "Kettering BC", "lead1");
        Lead unnamed = new Lead(null, "Northants Police", null);
        PlanView plan = fold(
                new PlanDrafted("p", "Kettering CSP", "Plan", d("2013-04-01"), d("2016-03-31"), Cadence.QUARTERLY, d("2013-04-01")),
                new PriorityAdded("p", "asb", "Anti-social behaviour", List.of("manager1"), d("2013-04-01")),
                new ObjectiveAdded("p", "asb", "o1", "Reduce ASB", List.of(), d("2013-04-01")),
                action("a1", "Target hardening", List.of(lead1), d("2013-04-01")),
                action("a2", "Street wardens", List.of(unnamed), d("2013-04-01")),
                action("a3", "Not started yet", List.of(lead1), d("2014-01-01")),
                action("a4", "Completed", List.of(lead1), d("2013-04-01")),
                new ActionCompleted("p", "a4", "done", d("2013-05-01")),
                new ProgressRecorded("p", "a2", "n1", "2013-08", "patrols started", d("2013-08-01")));
        UpdateReminderSent sent = new UpdateReminderSent("p", "a1", d("2013-07-01"), "lead1", false,
                Instant.parse("2013-07-01T06:00:00Z"), d("2013-07-01"));

        UpdatesDue due = UpdatesDueQueries.updatesDue(plan, List.of(sent), new FindUpdatesDue("p", d("2013-07-11"), -1, 7));

        assertThat(due.updates()).extracting(UpdatesDue.Row::actionId).containsExactly("a1");
        UpdatesDue.Row row = due.updates().get(0);
        assertThat(row.dueOn()).isEqualTo(d("2013-07-01"));
        assertThat(row.daysOverdue()).isEqualTo(10);
        assertThat(row.priorityLeads()).containsExactly("manager1");
        assertThat(row.lastNoteOn()).isNull();
        assertThat(row.lastReminder().recipient()).isEqualTo("lead1");
        assertThat(row.cycleDueOn()).isEqualTo(d("2013-07-01"));

        // still silent in December: the update fell due on 1 July, and this cycle's reminders are for 1 October's
        UpdatesDue.Row december = UpdatesDueQueries.updatesDue(plan, List.of(sent), new FindUpdatesDue("p", d("2013-12-01"), -1, 7))
                .updates().get(0);
        assertThat(december.dueOn()).isEqualTo(d("2013-07-01"));
        assertThat(december.daysOverdue()).isEqualTo(153);
        assertThat(december.cycleDueOn()).isEqualTo(d("2013-10-01"));

        // a2's note of August makes its update due in November; seven days' notice brings it in from 25 October
        UpdatesDue later = UpdatesDueQueries.updatesDue(plan, List.of(), new FindUpdatesDue("p", d("2013-10-25"), -1, 7));
        assertThat(later.updates()).extracting(UpdatesDue.Row::actionId).containsExactly("a1", "a2");
        assertThat(later.updates().get(1).daysOverdue()).isZero();
        assertThat(later.updates().get(1).lastNoteOn()).isEqualTo(d("2013-08-01"));
    }

    @Test
    void aFinishedPlanOwesNothing() {
        PlanView plan = fold(
                new PlanDrafted("p", "CSP", "Plan", d("2013-04-01"), d("2014-03-31"), Cadence.QUARTERLY, d("2013-04-01")),
                new PriorityAdded("p", "asb", "ASB", List.of(), d("2013-04-01")),
                new ObjectiveAdded("p", "asb", "o1", "Reduce ASB", List.of(), d("2013-04-01")),
                action("a1", "Target hardening", List.of(new Lead("Jo", null, "lead1")), d("2013-04-01")));
        assertThat(UpdatesDueQueries.updatesDue(plan, List.of(), new FindUpdatesDue("p", d("2014-06-01"), 7, 7)).updates()).isEmpty();
        assertThat(UpdatesDueQueries.updatesDue(plan, List.of(), new FindUpdatesDue("p", d("2014-03-01"), 7, 7)).updates()).hasSize(1);
    }

    private static ActionAdded action(String id, String title, List<Lead> leads, LocalDate start) {
        return new ActionAdded("p", "o1", id, title, List.of(), List.of(), List.of(), leads, List.of(), start, null, List.of(), start);
    }

    private static PlanView fold(PlanLedgerEvent... events) {
        PlanView view = PlanView.empty("p");
        for (PlanLedgerEvent event : events) {
            view = PlanReducer.apply(view, event, AuditInfo.NONE, Instant.parse("2013-04-01T00:00:00Z"));
        }
        return view;
    }
}
