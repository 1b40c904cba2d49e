package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A member of the partnership's board or plan group as the plan records them: a person (name), the
 * organisation they represent and their role, from when and until when. Recorded again under the same
 * memberId when something changes (most often: they left, so {@code to} is set); the latest record
 * for an id is the member as now known.
 */
@Revision("1")
public record PlanMemberRecorded(String planId, String memberId, String name, String organisation, String role,
                                 LocalDate from, LocalDate to, LocalDate effectiveOn) implements PlanEvent {
}
