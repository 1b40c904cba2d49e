package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The plan turned approval of updates on ({@code required}) or off: with it on, a delivery lead's
 * progress note or RAG rating is submitted and reaches the board only once a plan manager approves it.
 * Each action of the plan is told with its own {@link UpdateApprovalSet}.
 */
@Revision("1")
public record UpdateApprovalRequired(String planId, boolean required, LocalDate effectiveOn) implements PlanEvent {
}
