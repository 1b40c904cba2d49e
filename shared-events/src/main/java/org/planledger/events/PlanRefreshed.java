package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The annual refresh after a strategic assessment.
 */
@Revision("1")
public record PlanRefreshed(String planId, String note, LocalDate effectiveOn) implements PlanEvent {
}
