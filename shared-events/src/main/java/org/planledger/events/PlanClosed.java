package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A closed plan takes no new structure or actions.
 * <p>{@code closureId} is the id the client chose for this command, or null (it chose none, or the event was
 * stored before the field existed: revision 1 is read with null for it, no upcaster needed).
 */
@Revision("1")
public record PlanClosed(String planId, String closureId, String reason, LocalDate effectiveOn) implements PlanEvent {

    /** An event without a client-chosen id, as before that id existed. */
    public PlanClosed(String planId, String reason, LocalDate effectiveOn) {
        this(planId, null, reason, effectiveOn);
    }
}
