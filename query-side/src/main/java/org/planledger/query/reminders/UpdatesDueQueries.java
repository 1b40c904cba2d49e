package org.planledger.query.reminders;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.planledger.events.ActionStatus;
import org.planledger.events.UpdateReminderSent;
import org.planledger.query.api.FindUpdatesDue;
import org.planledger.query.api.UpdatesDue;
import org.planledger.query.board.UpdateDue;
import org.planledger.query.journal.JournalReader;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.BoardMeetingView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
import org.planledger.query.support.RecordedEvent;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Updates due, from the plan's journal: the same fold as the board for the plan, and the plan's
 * {@link UpdateReminderSent} events for the reminders already sent.
 */
public class UpdatesDueQueries {

    private final JournalReader journal;

    public UpdatesDueQueries(MongoDatabase database) {
        this.journal = new JournalReader(database);
    }

    @QueryHandler
    public Optional<UpdatesDue> handle(FindUpdatesDue query) {
        return journal.planEvents(query.planId()).map(events -> updatesDue(query, events))
                .filter(due -> due.title() != null);
    }

    public static UpdatesDue updatesDue(FindUpdatesDue query, List<RecordedEvent> events) {
        PlanView plan = PlanReducer.fold(query.planId(), events);
        List<UpdateReminderSent> sent = events.stream().map(RecordedEvent::event)
                .filter(UpdateReminderSent.class::isInstance).map(UpdateReminderSent.class::cast).toList();
        return updatesDue(plan, sent, query);
    }

    /** Pure: the plan folded, the reminders sent, and the day judged. */
    public static UpdatesDue updatesDue(PlanView plan, List<UpdateReminderSent> sent, FindUpdatesDue query) {
        LocalDate today = query.today();
        List<UpdatesDue.Row> rows = new ArrayList<>();
        if (!plan.drafted() || plan.finishedBy(today)) {
            return new UpdatesDue(plan.planId(), plan.title(), today, rows);
        }
        List<LocalDate> meetings = plan.boardMeetings().stream().map(BoardMeetingView::heldOn).toList();
        for (ActionView action : plan.actions()) {
            boolean started = action.startDate() == null || !action.startDate().isAfter(today);
            if (action.status() != ActionStatus.OPEN || !started) {
                continue;
            }
            LocalDate lastNoteOn = action.latestNote().map(NoteView::effectiveOn).orElse(null);
            LocalDate dueOn = UpdateDue.reminderDue(lastNoteOn, action.startDate(), plan.cadence(), meetings,
                    query.daysBeforeMeeting());
            if (dueOn == null || dueOn.isAfter(today.plusDays(Math.max(0, query.noticeDays())))) {
                continue;
            }
            PriorityView priority = plan.objective(action.objectiveId())
                    .flatMap(objective -> plan.priority(objective.priorityId())).orElse(null);
            List<UpdatesDue.Reminder> reminders = sent.stream()
                    .filter(reminder -> reminder.actionId().equals(action.actionId()))
                    .map(r -> new UpdatesDue.Reminder(r.dueOn(), r.recipient(), r.escalation(), r.sentAt()))
                    .sorted(Comparator.comparing(UpdatesDue.Reminder::sentAt))
                    .toList();
            int daysOverdue = (int) Math.max(0, ChronoUnit.DAYS.between(dueOn, today));
            LocalDate cycleDueOn = dueOn;
            while (plan.cadence() != null && !cycleDueOn.plus(plan.cadence().cycle()).isAfter(today)) {
                cycleDueOn = cycleDueOn.plus(plan.cadence().cycle());
            }
            rows.add(new UpdatesDue.Row(action.actionId(), action.title(),
                    priority == null ? null : priority.priorityId(), priority == null ? null : priority.title(),
                    action.leads(), priority == null ? List.of() : priority.leads(), dueOn, daysOverdue, lastNoteOn,
                    reminders, cycleDueOn));
        }
        rows.sort(Comparator.comparing(UpdatesDue.Row::dueOn).thenComparing(UpdatesDue.Row::actionId));
        return new UpdatesDue(plan.planId(), plan.title(), today, rows);
    }
}
