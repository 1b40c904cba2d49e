package org.planledger.query.board;

import org.planledger.events.Cadence;

import java.time.LocalDate;
import java.util.Collection;

/**
 * When an action's next update is due for reminders: the board's rule
 * ({@link BoardRenderer#nextUpdateDue(LocalDate, LocalDate, Cadence)}: one reporting cycle after the
 * latest note, or after the start before any note), brought forward to {@code daysBeforeMeeting}
 * days before the first board meeting whose deadline falls after that note, when meetings are
 * scheduled. The board's stale flag keeps the cadence rule alone; a negative
 * {@code daysBeforeMeeting} leaves meetings out here too.
 */
public final class UpdateDue {

    private UpdateDue() {
    }

    public static LocalDate reminderDue(LocalDate lastNoteOn, LocalDate startDate, Cadence cadence,
                                        Collection<LocalDate> meetings, int daysBeforeMeeting) {
        LocalDate byCadence = BoardRenderer.nextUpdateDue(lastNoteOn, startDate, cadence);
        LocalDate from = lastNoteOn != null ? lastNoteOn : startDate;
        if (from == null || daysBeforeMeeting < 0) {
            return byCadence;
        }
        LocalDate byMeeting = meetings.stream()
                .map(meeting -> meeting.minusDays(daysBeforeMeeting))
                .filter(deadline -> deadline.isAfter(from))
                .min(LocalDate::compareTo).orElse(null);
        if (byMeeting == null) {
            return byCadence;
        }
        return byCadence == null || byMeeting.isBefore(byCadence) ? byMeeting : byCadence;
    }
}
