package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The action stopped before it was done ("DECC no longer operating owing to costs").
 * <p>{@code cessationId} is the id the client chose for this command, or null (it chose none, or the event was
 * stored before the field existed: revision 1 is read with null for it, no upcaster needed).
 */
@Revision("1")
public record ActionCeased(String planId, String actionId, String cessationId, String reason, LocalDate effectiveOn) implements ActionEvent {

    /** An event without a client-chosen id, as before that id existed. */
    public ActionCeased(String planId, String actionId, String reason, LocalDate effectiveOn) {
        this(planId, actionId, null, reason, effectiveOn);
    }
}
