package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * {@code completionId} is the id the client chose for this command, or null (it chose none, or the event was
 * stored before the field existed: revision 1 is read with null for it, no upcaster needed).
 */
@Revision("1")
public record ActionCompleted(String planId, String actionId, String completionId, String note, LocalDate effectiveOn) implements ActionEvent {

    /** An event without a client-chosen id, as before that id existed. */
    public ActionCompleted(String planId, String actionId, String note, LocalDate effectiveOn) {
        this(planId, actionId, null, note, effectiveOn);
    }
}
