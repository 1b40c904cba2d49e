package org.planledger.infra.reminders;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.events.Lead;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.query.Queries;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.KnownUsers;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.FindUpdatesDue;
import org.planledger.query.api.UpdatesDue;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owes what, for the API, the page and the reminder job: the query side's list of updates due,
 * with each person to remind and whether an address is known for them. Addresses themselves never
 * leave the service (personal data); a lead without one is listed as such, never left out.
 */
@Service
@ConditionalOnQuerySide
public class UpdatesDueService {

    private final Queries queries;
    private final KnownUsers knownUsers;
    private final ReminderSettings settings;

    public UpdatesDueService(Queries queries, KnownUsers knownUsers, ReminderSettings settings) {
        this.queries = queries;
        this.knownUsers = knownUsers;
        this.settings = settings;
    }

    /** A person to remind: a lead (or, escalated, a priority lead or plan manager) and whether mail can reach them. */
    public record Recipient(String name, String organisation, String userId, boolean hasAddress) {
        public String label() {
            String who = name != null ? name : organisation;
            return who == null ? userId : who + (organisation != null && name != null ? " (" + organisation + ")" : "");
        }
    }

    /** A row of the list: the action, its leads, due date, days overdue, latest note and reminders sent. */
    /** cycleDueOn: the reporting cycle reminders are sent for (see {@link UpdatesDue.Row}). */
    public record Update(String actionId, String title, String priorityTitle, List<Recipient> leads, LocalDate dueOn,
                         int daysOverdue, boolean overdue, boolean escalationDue, List<Recipient> escalateTo,
                         LocalDate lastNoteOn, int remindersSent, Instant lastReminderAt, List<UpdatesDue.Reminder> reminders,
                         LocalDate cycleDueOn) {
    }

    public record Answer(String planId, String title, LocalDate today, int noticeDays, int escalateAfterDays,
                         List<Update> updates) {
    }

    public Answer updatesDue(String planId, LocalDate today) {
        UpdatesDue due = queries.ask(new FindUpdatesDue(planId, today, settings.daysBeforeMeeting(), settings.noticeDays()),
                ResponseTypes.optionalInstanceOf(UpdatesDue.class)).orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        List<Update> updates = new ArrayList<>();
        for (UpdatesDue.Row row : due.updates()) {
            List<UpdatesDue.Reminder> thisCycle = row.reminders().stream().filter(r -> r.dueOn().equals(row.cycleDueOn())).toList();
            updates.add(new Update(row.actionId(), row.title(), row.priorityTitle(),
                    row.leads().stream().map(this::recipient).toList(), row.dueOn(), row.daysOverdue(), row.overdue(),
                    row.daysOverdue() >= settings.escalateAfterDays(), escalateTo(row), row.lastNoteOn(),
                    thisCycle.size(), row.reminders().isEmpty() ? null : row.lastReminder().sentAt(), row.reminders(),
                    row.cycleDueOn()));
        }
        return new Answer(due.planId(), due.title(), today, settings.noticeDays(), settings.escalateAfterDays(), updates);
    }

    /** Today in the reminders' zone. */
    public LocalDate today() {
        return LocalDate.now(settings.zone());
    }

    private Recipient recipient(Lead lead) {
        return new Recipient(lead.name(), lead.organisation(), lead.userId(), knownUsers.addressOf(lead.userId()).isPresent());
    }

    /** The priority's leads that are users of this service; if none, the plan managers. */
    private List<Recipient> escalateTo(UpdatesDue.Row row) {
        List<String> managers = knownUsers.withRole(Roles.PLAN_MANAGER);
        List<String> priorityLeads = row.priorityLeads().stream()
                .filter(lead -> knownUsers.addressOf(lead).isPresent() || managers.contains(lead)
                        || knownUsers.withRole(Roles.DELIVERY_LEAD).contains(lead))
                .toList();
        List<String> userIds = priorityLeads.isEmpty() ? managers : priorityLeads;
        return userIds.stream().map(id -> new Recipient(null, null, id, knownUsers.addressOf(id).isPresent())).toList();
    }

    /** Managers and the board see every row; anyone else (a delivery lead) the rows of actions they lead. */
    public static Answer forCaller(UpdatesDueService.Answer answer, org.springframework.security.core.Authentication caller) {
        var roles = Roles.of(caller);
        if (roles.contains(Roles.PLAN_MANAGER) || roles.contains(Roles.BOARD)) {
            return answer;
        }
        return new Answer(answer.planId(), answer.title(), answer.today(), answer.noticeDays(),
                answer.escalateAfterDays(), answer.updates().stream()
                .filter(update -> update.leads().stream().anyMatch(lead -> caller.getName().equals(lead.userId())))
                .toList());
    }
}
