package org.planledger.query.api;

import org.planledger.events.RagStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An update a delivery lead submitted on a plan that requires approval: a note (period, text) or a
 * rating (rag, ragReason); state PENDING, APPROVED or RETURNED, with who decided, when, and why
 * (a return's reason).
 */
public record SubmissionEntry(String submissionId, String period, String text, BigDecimal achieved, BigDecimal planned,
                              RagStatus rag, String ragReason, LocalDate effectiveOn, String submittedBy,
                              Instant submittedAt, String state, String decidedBy, Instant decidedAt, String returnReason) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String RETURNED = "RETURNED";

    SubmissionEntry decided(String newState, String by, Instant at, String reason) {
        return new SubmissionEntry(submissionId, period, text, achieved, planned, rag, ragReason, effectiveOn, submittedBy,
                submittedAt, newState, by, at, reason);
    }

    public static SubmissionEntry decide(SubmissionEntry entry, String newState, String by, Instant at, String reason) {
        return entry.decided(newState, by, at, reason);
    }
}
