package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The way an indicator is counted changed on breakOn (new recording rules, new boundaries, a new
 * survey): readings dated before it are on the old basis and never compared with later ones.
 * newBaselinePending says the partnership still has to set a baseline on the new basis.
 */
@Revision("1")
public record IndicatorSeriesBroken(String planId, String indicatorId, LocalDate breakOn, String reason,
                                    boolean newBaselinePending, LocalDate effectiveOn) implements PlanEvent {
}
