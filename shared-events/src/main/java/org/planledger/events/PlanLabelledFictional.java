package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The plan is invented (a showcase or training plan), not a real partnership's: every page and the API
 * say so, with {@code note} as the wording. A fact about the whole plan, so it is effective from the
 * plan's own first day and a replay as at any date shows it.
 */
@Revision("1")
public record PlanLabelledFictional(String planId, String note, LocalDate effectiveOn) implements PlanEvent {
}
