package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A board reviewed the plan: the natural points at which committees replay it.
 */
@Revision("1")
public record BoardMeetingRecorded(String planId, String meetingId, LocalDate heldOn, String title, LocalDate effectiveOn) implements PlanEvent {
}
