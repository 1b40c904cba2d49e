package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The annual refresh after a strategic assessment.
 * <p>{@code refreshId} is the id the client chose for this command, or null (it chose none, or the event was
 * stored before the field existed: revision 1 is read with null for it, no upcaster needed).
 */
@Revision("1")
public record PlanRefreshed(String planId, String refreshId, String note, LocalDate effectiveOn) implements PlanEvent {

    /** An event without a client-chosen id, as before that id existed. */
    public PlanRefreshed(String planId, String note, LocalDate effectiveOn) {
        this(planId, null, note, effectiveOn);
    }
}
