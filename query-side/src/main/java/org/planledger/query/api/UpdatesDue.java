package org.planledger.query.api;

import org.planledger.events.Lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who owes what: every open, started action whose update is due (within the notice days) or overdue
 * on {@code today}, most overdue first. A finished plan owes nothing.
 */
public record UpdatesDue(String planId, String title, LocalDate today, List<Row> updates) {

    public UpdatesDue {
        updates = List.copyOf(updates);
    }

    /**
     * priorityLeads: the priority's leads as the plan names them (text), to whom an overdue update is
     * escalated when they are users of this service. dueOn is when the update fell due; cycleDueOn names
     * the reporting cycle reminders are sent for: dueOn, moved on by whole reporting cycles while a later
     * one has also fallen due by today (an update owed for a year is reminded once a cycle, not once ever).
     */
    public record Row(String actionId, String title, String priorityId, String priorityTitle, List<Lead> leads,
                      List<String> priorityLeads, LocalDate dueOn, int daysOverdue, LocalDate lastNoteOn,
                      List<Reminder> reminders, LocalDate cycleDueOn) {
        public Row {
            leads = List.copyOf(leads);
            priorityLeads = List.copyOf(priorityLeads);
            reminders = List.copyOf(reminders);
        }

        public boolean overdue() {
            return daysOverdue > 0;
        }

        public boolean ledBy(String userId) {
            return leads.stream().anyMatch(lead -> userId != null && userId.equals(lead.userId()));
        }

        public Reminder lastReminder() {
            return reminders.isEmpty() ? null : reminders.get(reminders.size() - 1);
        }
    }

    /** A reminder recorded for this cycle (the row's dueOn) or an earlier one. */
    public record Reminder(LocalDate dueOn, String recipient, boolean escalation, Instant sentAt) {
    }
}
