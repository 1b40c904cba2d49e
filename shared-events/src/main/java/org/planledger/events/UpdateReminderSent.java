package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder that the action's update is due was sent, or is about to be: it is recorded before the
 * mail goes, so that a restart or a second instance never sends it again (docs/reminders-and-approval.md).
 * {@code dueOn} names the reporting cycle (the day the update was due); {@code recipient} is the user id
 * reminded (never an e-mail address: addresses change, user ids stay); {@code escalation} is true when
 * the reminder went to the priority's lead or the plan manager because the update was overdue.
 * One per (dueOn, recipient, escalation) per action. effectiveOn is the day it was sent.
 */
@Revision("1")
public record UpdateReminderSent(String planId, String actionId, LocalDate dueOn, String recipient, boolean escalation,
                                 Instant sentAt, LocalDate effectiveOn) implements ActionEvent {
}
