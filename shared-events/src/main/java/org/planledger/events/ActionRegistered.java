package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The plan's own record that it started an action's stream under an objective. The digest of the
 * creating command lets a repeated AddAction be recognised as the same (a no-op) or a conflicting
 * one without reading the action's stream; the action's content is in {@link ActionAdded}.
 */
@Revision("1")
public record ActionRegistered(String planId, String objectiveId, String actionId, String contentDigest, LocalDate effectiveOn) implements PlanEvent {
}
