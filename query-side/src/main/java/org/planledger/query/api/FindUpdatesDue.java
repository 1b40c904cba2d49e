package org.planledger.query.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Actions of a plan whose update is due within {@code noticeDays} of {@code today}, or overdue, with
 * the reminders sent. {@code daysBeforeMeeting}: an update is also due that many days before the next
 * board meeting (negative: meetings ignored). Answered with Optional&lt;UpdatesDue&gt;.
 */
public record FindUpdatesDue(String planId, LocalDate today, int daysBeforeMeeting, int noticeDays) {
    public FindUpdatesDue {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(today, "today");
    }
}
