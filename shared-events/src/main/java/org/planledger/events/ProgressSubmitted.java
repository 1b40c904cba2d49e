package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A delivery lead's update on an action whose plan requires approval: either a progress note (period,
 * text, achieved, planned; effectiveOn the period's start) or a RAG rating (rag, ragReason; effectiveOn
 * the day it applies from). Pending until {@link ProgressApproved} or {@link ProgressReturned}; the
 * board, replays and packs never show it before it is approved. submittedBy repeats the actor.
 */
@Revision("1")
public record ProgressSubmitted(String planId, String actionId, String submissionId, String period, String text,
                                BigDecimal achieved, BigDecimal planned, RagStatus rag, String ragReason,
                                String submittedBy, LocalDate effectiveOn) implements ActionEvent {

    public boolean carriesNote() {
        return text != null;
    }
}
