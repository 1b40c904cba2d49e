package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A refresh dropped the objective: from effectiveOn the board no longer shows it (nor its own indicators
 * and actions); "as at" an earlier date still does, and its history stays.
 */
@Revision("1")
public record ObjectiveRetired(String planId, String objectiveId, String reason, LocalDate effectiveOn) implements PlanEvent {
}
