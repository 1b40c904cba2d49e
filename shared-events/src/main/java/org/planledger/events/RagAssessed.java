package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * {@code assessmentId} is the id the client chose for this command, or null (it chose none, or the event was
 * stored before the field existed: revision 1 is read with null for it, no upcaster needed).
 */
@Revision("1")
public record RagAssessed(String planId, String actionId, String assessmentId, RagStatus rag, String reason, LocalDate effectiveOn) implements ActionEvent {

    /** An event without a client-chosen id, as before that id existed. */
    public RagAssessed(String planId, String actionId, RagStatus rag, String reason, LocalDate effectiveOn) {
        this(planId, actionId, null, rag, reason, effectiveOn);
    }
}
