package org.planledger.query.api;

import org.planledger.events.ActionStatus;

import java.time.LocalDate;

/**
 * nextUpdateDue: the latest (not withdrawn) note's period start plus one reporting cycle, or the
 * start date plus one cycle before any note (the board's stale flag uses the same date); null once the action is completed or ceased. updateOverdue is
 * relative to today.
 */
public record MyAction(String actionId, String planId, String planTitle, String title, ActionStatus status,
                       LocalDate startDate, LocalDate endDate, LocalDate lastNoteOn, LocalDate nextUpdateDue,
                       boolean updateOverdue) {
}
